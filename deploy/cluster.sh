#!/usr/bin/env bash
# Starts N lifecycled instances on free loopback ports behind nginx (deploy/nginx.conf),
# or stops them. nginx runs in the foreground of its own process (daemon off) with its
# prefix, pid, logs and temp files in the cluster directory, not the system's.
#
#   deploy/cluster.sh start N     start N instances and nginx; prints the URLs
#   deploy/cluster.sh stop-instance I   stop instance I (1-based) only
#   deploy/cluster.sh stop        stop everything started, remove the directory
#
# Environment (optional):
#   LIFECYCLED      the binary (default .build/debug/lifecycled, else lifecycled on PATH)
#   LIFECYCLED_ARGS extra flags for every instance, e.g. "--max-sessions 1000"
#   CLUSTER_DIR     state directory (default ${TMPDIR:-/tmp}/lifecycled-cluster-$UID); it
#                   holds nginx.url and instances (index, port, pid per line)
#   NGINX           the nginx binary (default: nginx on PATH, else /usr/sbin/nginx)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${CLUSTER_DIR:-${TMPDIR:-/tmp}/lifecycled-cluster-$(id -u)}
usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

stop_pid() { # pid: TERM, wait up to 10 s, then KILL
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  local n=$1
  [[ $n =~ ^[1-9][0-9]?$ ]] || { echo "cluster: N must be 1-99" >&2; exit 2; }
  local binary=${LIFECYCLED:-}
  if [ -z "$binary" ]; then
    if [ -x "$root/.build/debug/lifecycled" ]; then binary=$root/.build/debug/lifecycled
    else binary=$(command -v lifecycled || true); fi
  fi
  [ -n "$binary" ] && [ -x "$binary" ] || { echo "cluster: no lifecycled binary (build it: swift build)" >&2; exit 1; }
  local nginx=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
  [ -x "$nginx" ] || { echo "cluster: nginx not found (scripts/setup.sh installs it)" >&2; exit 1; }
  if [ -f "$dir/instances" ]; then echo "cluster: already started ($dir); stop it first" >&2; exit 1; fi
  mkdir -p "$dir/nginx/temp" && chmod 755 "$dir" "$dir/nginx" "$dir/nginx/temp"
  : >"$dir/instances.tmp"

  local servers=""
  for i in $(seq 1 "$n"); do
    # The files exist before the instance starts: the redirections below happen in
    # the background job, which may not have run yet when the loop first reads them.
    : >"$dir/instance-$i.out"; : >"$dir/instance-$i.err"
    # shellcheck disable=SC2086  # LIFECYCLED_ARGS is a list of flags
    "$binary" --host 127.0.0.1 --port 0 --quiet ${LIFECYCLED_ARGS:-} >"$dir/instance-$i.out" 2>"$dir/instance-$i.err" &
    local pid=$! port=
    for _ in $(seq 1 200); do
      port=$(sed -n 's/^listening on http:\/\/127\.0\.0\.1:\([0-9]*\)$/\1/p' "$dir/instance-$i.out" 2>/dev/null || true)
      [ -n "$port" ] && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    echo "$i ${port:-0} $pid" >>"$dir/instances.tmp"
    [ -n "$port" ] || { echo "cluster: instance $i did not start:" >&2; cat "$dir/instance-$i.err" >&2; mv "$dir/instances.tmp" "$dir/instances"; stop; exit 1; }
    servers+="    server 127.0.0.1:$port max_fails=1 fail_timeout=10s;\n"
  done
  mv "$dir/instances.tmp" "$dir/instances"

  local port=${NGINX_PORT:-$(free_port)}
  # deploy/nginx.conf with these instances and this port.
  awk -v servers="$servers" -v port="$port" '
    /^[ \t]*server lifecycled-[0-9]+:8080;/ { next }
    /# instances/ { print; printf "%s", servers; next }
    /^[ \t]*listen 8080;/ { print "    listen 127.0.0.1:" port ";"; next }
    { print }' "$root/deploy/nginx.conf" >"$dir/nginx/lifecycled.conf"
  local user_line=""
  [ "$(id -u)" = 0 ] && user_line="user root;"  # workers would otherwise be nobody, locked out of $dir
  cat >"$dir/nginx/nginx.conf" <<CONF
$user_line
daemon off;
master_process on;
worker_processes 1;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/nginx/temp/body;
    proxy_temp_path $dir/nginx/temp/proxy;
    fastcgi_temp_path $dir/nginx/temp/fastcgi;
    uwsgi_temp_path $dir/nginx/temp/uwsgi;
    scgi_temp_path $dir/nginx/temp/scgi;
    include $dir/nginx/lifecycled.conf;
}
CONF
  "$nginx" -p "$dir/nginx/" -c "$dir/nginx/nginx.conf" -e "$dir/nginx/error.log" -t -q \
    || { echo "cluster: nginx rejects the config" >&2; stop; exit 1; }
  "$nginx" -p "$dir/nginx/" -c "$dir/nginx/nginx.conf" -e "$dir/nginx/error.log" >"$dir/nginx/stdout" 2>&1 &
  echo $! >"$dir/nginx.pidfile"
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    kill -0 "$(cat "$dir/nginx.pidfile")" 2>/dev/null || { echo "cluster: nginx exited:" >&2; cat "$dir/nginx/error.log" >&2; stop; exit 1; }
    sleep 0.05
  done
  echo "http://127.0.0.1:$port" >"$dir/nginx.url"
  echo "nginx http://127.0.0.1:$port"
  while read -r i p pid; do echo "instance $i http://127.0.0.1:$p (pid $pid)"; done <"$dir/instances"
  echo "state in $dir"
}

stop_instance() {
  local want=$1
  [ -f "$dir/instances" ] || { echo "cluster: not started ($dir)" >&2; exit 1; }
  local found=
  while read -r i _ pid; do [ "$i" = "$want" ] && { stop_pid "$pid"; found=1; }; done <"$dir/instances"
  [ -n "$found" ] || { echo "cluster: no instance $want" >&2; exit 1; }
}

stop() {
  if [ -f "$dir/nginx.pidfile" ]; then stop_pid "$(cat "$dir/nginx.pidfile")"; fi
  for f in "$dir/instances" "$dir/instances.tmp"; do
    [ -f "$f" ] || continue
    while read -r _ _ pid; do stop_pid "$pid"; done <"$f"
  done
  rm -rf "$dir"
}

case "${1:-}" in
  start) [ $# = 2 ] || usage; start "$2" ;;
  stop-instance) [ $# = 2 ] || usage; stop_instance "$2" ;;
  stop) stop ;;
  *) usage ;;
esac
