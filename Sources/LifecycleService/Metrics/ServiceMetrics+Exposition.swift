/// The Prometheus text exposition format, version 0.0.4.
extension ServiceMetrics {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Every metric as one text document. `liveSessions` and `expiredSessions` come
    /// from the store, `searchesQueued` from the search pool.
    func exposition(liveSessions: Int, expiredSessions: Int, searchesQueued: Int = 0) -> String {
        var out = ""
        out.reserveCapacity(16 * 1024)
        func family(_ name: String, _ type: String, _ help: String) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        }
        func sample(_ name: String, _ labels: [(String, String)] = [], _ value: String) {
            out += name
            if !labels.isEmpty {
                out += "{" + labels.map { "\($0.0)=\"\(Self.escaped($0.1))\"" }.joined(separator: ",") + "}"
            }
            out += " \(value)\n"
        }

        family("lifecycled_build_info", "gauge", "Always 1; the version label says which build answers.")
        sample("lifecycled_build_info", [("version", version)], "1")

        family(
            "lifecycled_http_requests_total", "counter",
            "Requests answered by the service, by route template and status.")
        for route in Self.routes {
            for (i, status) in Self.statuses.enumerated() {
                let n = requests.value(route.rawValue * (Self.statuses.count + 1) + i)
                if n > 0 {
                    sample(
                        "lifecycled_http_requests_total", [("route", route.label), ("status", String(status))],
                        String(n))
                }
            }
            let other = requests.value(route.rawValue * (Self.statuses.count + 1) + Self.otherStatusIndex)
            if other > 0 {
                sample("lifecycled_http_requests_total", [("route", route.label), ("status", "other")], String(other))
            }
        }

        family(
            "lifecycled_http_request_duration_seconds", "histogram",
            "Time the service spent answering a request (routing, JSON, simulation), by route template.")
        let width = Self.latencyBuckets.count + 2
        for route in Self.routes {
            let row = route.rawValue * width
            var cumulative = 0
            var counts: [Int] = []
            for b in 0...Self.latencyBuckets.count {
                cumulative += latency.value(row + b)
                counts.append(cumulative)
            }
            guard cumulative > 0 else { continue }
            let name = "lifecycled_http_request_duration_seconds"
            for (b, bound) in Self.latencyBuckets.enumerated() {
                sample(name + "_bucket", [("route", route.label), ("le", Self.number(bound))], String(counts[b]))
            }
            sample(name + "_bucket", [("route", route.label), ("le", "+Inf")], String(cumulative))
            sample(name + "_sum", [("route", route.label)], Self.number(Double(latency.value(row + width - 1)) / 1e9))
            sample(name + "_count", [("route", route.label)], String(cumulative))
        }

        family("lifecycled_sessions_live", "gauge", "Sessions held right now.")
        sample("lifecycled_sessions_live", [], String(liveSessions))
        family(
            "lifecycled_sessions_created_total", "counter",
            "Sessions created (POST /v1/sessions, PUT /v1/sessions/{id}).")
        sample("lifecycled_sessions_created_total", [], String(count(.sessionsCreated)))
        family("lifecycled_sessions_expired_total", "counter", "Sessions forgotten after --session-ttl of idleness.")
        sample("lifecycled_sessions_expired_total", [], String(expiredSessions))
        family("lifecycled_sessions_deleted_total", "counter", "Sessions deleted by a client.")
        sample("lifecycled_sessions_deleted_total", [], String(count(.sessionsDeleted)))

        family(
            "lifecycled_actions_total", "counter",
            "Actions posted to sessions, by type and outcome (applied or refused).")
        for (k, kind) in Self.actionKinds.enumerated() {
            for (o, outcome) in ["applied", "refused"].enumerated() {
                let n = actions.value(k * 2 + o)
                if n > 0 {
                    sample("lifecycled_actions_total", [("type", kind.rawValue), ("outcome", outcome)], String(n))
                }
            }
        }

        family("lifecycled_callbacks_logged_total", "counter", "Callbacks appended to session logs.")
        sample("lifecycled_callbacks_logged_total", [], String(count(.callbacksLogged)))
        family(
            "lifecycled_callbacks_dropped_total", "counter",
            "Callbacks that fell off the end of a session log (--max-log).")
        sample("lifecycled_callbacks_dropped_total", [], String(count(.callbacksDropped)))
        family(
            "lifecycled_log_lines_dropped_total", "counter",
            "Access-log lines dropped because the log could not keep up.")
        sample("lifecycled_log_lines_dropped_total", [], String(logLinesDropped.load(ordering: .relaxed)))

        family(
            "lifecycled_searches_running", "gauge",
            "Searches (explain, paths, coverage, diff, moveTo) running now on the search threads.")
        sample("lifecycled_searches_running", [], String(searchesRunning.load(ordering: .relaxed)))
        family("lifecycled_searches_queued", "gauge", "Searches waiting for a search thread (--search-queue).")
        sample("lifecycled_searches_queued", [], String(searchesQueued))
        family("lifecycled_searches_started_total", "counter", "Searches started.")
        sample("lifecycled_searches_started_total", [], String(count(.searchesStarted)))
        family(
            "lifecycled_searches_refused_total", "counter",
            "Searches refused with 503 because every search thread was busy and the queue full.")
        sample("lifecycled_searches_refused_total", [], String(count(.searchesRefused)))
        family(
            "lifecycled_searches_stopped_total", "counter",
            "Searches stopped by a bound before they had an answer: steps (--search-steps) or deadline (--search-deadline)."
        )
        sample("lifecycled_searches_stopped_total", [("bound", "steps")], String(count(.searchesStoppedBySteps)))
        sample("lifecycled_searches_stopped_total", [("bound", "deadline")], String(count(.searchesStoppedByDeadline)))
        family(
            "lifecycled_searches_cancelled_total", "counter",
            "Searches stopped because their client closed the connection.")
        sample("lifecycled_searches_cancelled_total", [], String(count(.searchesCancelled)))
        return out
    }

    /// A label value with `\`, `"` and newlines escaped as the format requires.
    static func escaped(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// A float in a form Prometheus parses (no locale, no trailing ".0" noise needed).
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
