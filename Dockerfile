# syntax=docker/dockerfile:1
# lifecycled in a container: built with the Swift toolchain and libmicrohttpd-dev,
# run on a slim Debian with only libmicrohttpd (the Swift runtime is linked in
# statically with --static-swift-stdlib).
#   docker build -t lifecycled .
#   docker run -p 8080:8080 lifecycled
#   docker run -p 9000:9000 -e LIFECYCLED_PORT=9000 lifecycled   (the HEALTHCHECK follows)
#   docker run -p 8080:8080 -e LIFECYCLED_CORS_ORIGINS=https://app.example -e LIFECYCLED_DRAIN_SECONDS=5 lifecycled
#   docker run -p 8080:8080 -e LIFECYCLED_LOG_FORMAT=json lifecycled

FROM swift:6.3-bookworm AS builder
RUN apt-get update \
 && apt-get install -y --no-install-recommends libmicrohttpd-dev=0.9.75-6 pkg-config=1.8.1-1 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# openapi.yaml is a resource of LifecycleService (Sources/LifecycleService/Contract/openapi.yaml
# links to it; COPY keeps the link), compiled into the binary: nothing more to ship.
COPY Package.swift openapi.yaml ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --static-swift-stdlib --product lifecycled \
 && install -m 0755 "$(swift build -c release --show-bin-path)/lifecycled" /usr/local/bin/lifecycled

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libmicrohttpd12=0.9.75-6 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --no-create-home --uid 10001 lifecycled
COPY --from=builder /usr/local/bin/lifecycled /usr/local/bin/lifecycled
# LIFECYCLED_HOST and LIFECYCLED_PORT are the defaults of --host and --port, and
# `--check` with no URL probes that port: set the port here, not with --port, and
# the health check follows it.
# LIFECYCLED_DRAIN_SECONDS (--drain-seconds): on SIGTERM, /readyz answers 503 this
# long before the server stops accepting (keep it under the engine's stop timeout,
# 10 s by default). LIFECYCLED_CORS_ORIGINS (--cors-origin): comma-separated origins,
# or *; empty = CORS off. LIFECYCLED_LOG_FORMAT (--log-format): text or json (one
# JSON object a line on stderr, for log shippers).
ENV LIFECYCLED_HOST=0.0.0.0 \
    LIFECYCLED_PORT=8080 \
    LIFECYCLED_DRAIN_SECONDS=0 \
    LIFECYCLED_CORS_ORIGINS= \
    LIFECYCLED_LOG_FORMAT=text
USER 10001
EXPOSE 8080
# No curl in this image: the binary probes its own /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=5s --retries=3 CMD ["lifecycled", "--check"]
ENTRYPOINT ["lifecycled"]
