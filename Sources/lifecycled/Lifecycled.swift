import Dispatch
import Foundation
import LifecycleService
import MHDServer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The executable: flags, then serve (or help, version, healthcheck).
enum Lifecycled {
    /// Runs the command line and returns the exit status: 0 success, 1 failure
    /// (cannot listen, unhealthy check), 2 bad usage.
    static func main(arguments: [String]) -> Int32 {
        // A command, not a flag: the service answers one request in process, no server.
        if arguments.first == "explain" { return ExplainCommand.run(Array(arguments.dropFirst())) }
        let options: Options
        do {
            options = try Options(arguments: arguments, environment: ProcessInfo.processInfo.environment)
        } catch {
            writeLine("lifecycled: \(error.message); see --help", to: 2)
            return 2
        }
        switch options.mode {
        case .help:
            writeLine(Options.usage, to: 1, newline: false)
            return 0
        case .version:
            writeLine(Options.version, to: 1)
            return 0
        case .check(let url): return HealthCheck.run(url: url)
        case .checkSelf: return HealthCheck.run(url: "http://127.0.0.1:\(options.port)/healthz")
        case .serve: return serve(options)
        }
    }

    /// Serves until SIGINT or SIGTERM, then stops gracefully and returns 0.
    private static func serve(_ options: Options) -> Int32 {
        // Block the stop signals before any thread exists (MHD's workers and
        // Dispatch's inherit the mask), so that only `sigwait` below sees them.
        let stopSignals = StopSignals()
        // A reader that closes our stdout or stderr pipe must not kill the server.
        signal(SIGPIPE, SIG_IGN)

        let startedAt = DispatchTime.now().uptimeNanoseconds
        let limits = ServiceLimits(
            maxSessions: options.maxSessions, sessionTTL: options.sessionTTL,
            maxLog: options.maxLog, maxLogBytes: options.maxLogBytes,
            maxMemory: options.maxMemory, maxResponse: options.maxResponse,
            search: SearchLimits(steps: options.searchSteps, deadline: options.searchDeadline),
            searchThreads: options.searchThreads, searchQueue: options.searchQueue ?? 2 * options.searchThreads)
        let settings = ServiceSettings(
            version: String(Options.version.split(separator: " ").last ?? ""),
            corsOrigins: options.corsOrigins,
            drainRetryAfterSeconds: Int(options.drainSeconds.rounded(.up)))
        let service: Service
        if let dataDir = options.dataDir {
            do {
                service = try Service(limits: limits, settings: settings, dataDirectory: dataDir, fsync: options.fsync)
            } catch {
                failure("\(error)", format: options.logFormat)
                return 1
            }
        } else {
            service = Service(limits: limits, settings: settings)
        }
        let metrics = service.metrics
        let log = StderrLog(descriptor: 2, format: options.logFormat) {
            metrics.logLinesDropped.add(1, ordering: .relaxed)
        }
        // --quiet keeps warnings only: no access log, no startup or shutdown lines.
        let infoLines = !options.quiet
        if infoLines {
            // One line for each search a bound or a departed client stopped.
            service.logSearchStops { stop in log.event(.info, "search", Self.describe(stop), Self.fields(stop)) }
        }
        let logRequest: (@Sendable (AccessLogEntry) -> Void)? =
            options.quiet
            ? nil
            : { @Sendable entry in
                log.write(entry)
            }
        if let dataDir = options.dataDir {
            let (restored, problems) = service.restoreSessions()
            for problem in problems { log.event(.warn, "restore", "--data-dir: \(problem)") }
            if infoLines {
                log.event(
                    .info, "restore", "restored \(restored) sessions from \(dataDir)",
                    [
                        LogField("sessions", .int(restored), inText: false),
                        LogField("dataDir", .string(dataDir), inText: false),
                    ])
            }
        }
        var configuration = ServerConfiguration(
            host: options.host, port: options.port, threads: options.threads, maxBody: options.maxBody,
            requestTimeout: options.requestTimeout,
            connectionLimit: UInt32(min(options.maxConnections, raiseFileLimit() - 64)),
            perIPConnectionLimit: UInt32(options.maxConnectionsPerIP))
        configuration.memory = service.memory
        configuration.readHeaders = Service.readHeaders
        let server = HTTPServer(
            configuration: configuration,
            handling: { service.respond(to: $0) },
            problem: { service.problem(status: $0, detail: $1) },
            accessLog: logRequest,
            messageLog: { message in
                // The bridge names each line's source first: libmicrohttpd's own, or its accept loop's.
                let source = ["libmicrohttpd", "accept"].first { message.hasPrefix("\($0): ") } ?? "libmicrohttpd"
                let prefix = "\(source): "
                log.event(.warn, source, message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message)
            })
        do {
            try server.start()
        } catch {
            failure("\(error)", format: options.logFormat)
            return 1
        }
        let host = options.host.contains(":") && !options.host.hasPrefix("[") ? "[\(options.host)]" : options.host
        let url = "http://\(host):\(server.port)"
        // The start line before stdout's: a client that waits for the latter then
        // finds every access line after it.
        if infoLines { log.event(.info, "start", "listening on \(url)", startupFields(options, port: server.port)) }
        writeLine("listening on \(url)", to: 1)

        let sweeper = DispatchSource.makeTimerSource(queue: .global())
        let interval = max(0.1, min(options.sessionTTL / 4, 30))
        sweeper.schedule(deadline: .now() + interval, repeating: interval)
        sweeper.setEventHandler {
            service.sweepExpiredSessions()
        }
        sweeper.resume()

        let signalName = stopSignals.wait()
        // Readiness first: /readyz answers 503 while requests are still served, so a
        // balancer can stop sending before the server stops accepting.
        service.beginDraining()
        let drainText = seconds(options.drainSeconds)
        let graceText = seconds(options.grace)
        if options.drainSeconds > 0 {
            if infoLines {
                log.event(
                    .info, "draining",
                    "\(signalName): /readyz answers 503 for \(drainText) before the server stops accepting",
                    [
                        LogField("signal", .string(signalName), inText: false),
                        LogField("drainSeconds", .double(options.drainSeconds), inText: false),
                    ])
            }
            Thread.sleep(forTimeInterval: options.drainSeconds)
        }
        if infoLines {
            log.event(
                .info, "stopping", "\(signalName): no longer accepting; requests in flight have \(graceText) (--grace)",
                [
                    LogField("signal", .string(signalName), inText: false),
                    LogField("graceSeconds", .double(options.grace), inText: false),
                ])
        }
        sweeper.cancel()
        let report = server.stop(graceSeconds: options.grace)
        let uptime = Double((DispatchTime.now().uptimeNanoseconds &- startedAt) / 1_000_000) / 1000
        let fields = [
            LogField("requestsCut", .int(report.requestsCut), inText: false),
            LogField("graceExpired", .bool(report.graceExpired), inText: false),
            LogField("sessions", .int(service.sessionCount)),
            LogField("uptimeSeconds", .double(uptime)),
            LogField("logLinesDropped", .int(log.droppedTotal)),
        ]
        var lastLines: [[UInt8]] = []
        if report.graceExpired {
            lastLines.append(
                LogLine.event(
                    format: options.logFormat, level: .warn, event: "shutdown",
                    message: "grace \(graceText) over, \(report.requestsCut) requests cut",
                    fields: fields))
        } else if infoLines {
            lastLines.append(
                LogLine.event(
                    format: options.logFormat, level: .info, event: "shutdown",
                    message: "stopped: every request finished", fields: fields))
        }
        log.finish(lastLines: lastLines)
        return 0
    }

    /// Like a usage error, a failure to start is one line, then exit: a plain one in
    /// text (as before), an `error` event in JSON.
    private static func failure(_ message: String, format: LogFormat) {
        switch format {
        case .text: writeLine("lifecycled: \(message)", to: 2)
        case .json: writeAll(LogLine.event(format: .json, level: .error, event: "start", message: message), to: 2)
        }
    }

    /// The configuration in the startup line.
    private static func startupFields(_ options: Options, port: UInt16) -> [LogField] {
        [
            LogField("version", .string(String(Options.version.split(separator: " ").last ?? ""))),
            LogField("pid", .int(Int(getpid()))),
            LogField("host", .string(options.host), inText: false),
            LogField("port", .int(Int(port)), inText: false),
            LogField("threads", .int(options.threads)),
            LogField("maxSessions", .int(options.maxSessions)),
            LogField("sessionTTL", .double(options.sessionTTL)),
            LogField("maxLog", .int(options.maxLog)),
            LogField("maxLogBytes", .int(options.maxLogBytes)),
            LogField("maxBody", .int(options.maxBody)),
            LogField("maxMemory", .int(options.maxMemory)),
            LogField("maxResponse", .int(options.maxResponse)),
            LogField("dataDir", .string(options.dataDir ?? "")),
            LogField("fsync", .string(options.fsync.rawValue)),
            LogField("maxConnections", .int(options.maxConnections)),
            LogField("maxConnectionsPerIP", .int(options.maxConnectionsPerIP)),
            LogField("requestTimeout", .double(options.requestTimeout)),
            LogField("grace", .double(options.grace)),
            LogField("drainSeconds", .double(options.drainSeconds)),
            LogField("corsOrigins", .string(options.corsOrigins.joined(separator: ","))),
            LogField("logFormat", .string(options.logFormat.rawValue)),
            LogField("searchThreads", .int(options.searchThreads)),
            LogField("searchQueue", .int(options.searchQueue ?? 2 * options.searchThreads)),
            LogField("searchDeadline", .double(options.searchDeadline)),
            LogField("searchSteps", .int(options.searchSteps)),
        ]
    }

    /// `POST /v1/paths stopped at its deadline (2000 ms of CPU time)`.
    private static func describe(_ stop: SearchStopEvent) -> String {
        let what =
            switch stop.bound {
            case "steps": "stopped at its budget of \(stop.limit ?? 0) steps"
            case "deadline": "stopped at its deadline (\(stop.limit ?? 0) ms of CPU time)"
            default: "stopped: its client closed the connection"
            }
        return "\(stop.method) \(stop.route) \(what)"
    }

    private static func fields(_ stop: SearchStopEvent) -> [LogField] {
        var fields = [
            LogField("method", .string(stop.method), inText: false),
            LogField("route", .string(stop.route), inText: false),
            LogField("bound", .string(stop.bound), inText: false),
        ]
        if let limit = stop.limit { fields.append(LogField("limit", .int(limit), inText: false)) }
        fields.append(LogField("cpuMs", .double(stop.cpuMilliseconds)))
        fields.append(LogField("requestId", .string(stop.requestID)))
        return fields
    }

    /// `5s`, `0.5s`.
    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))s" : "\(value)s"
    }

    /// Raises the soft limit on open files to the hard one (at most 65536), so
    /// that `--max-connections` can be honoured; returns the limit now in force.
    private static func raiseFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        let wanted = min(limit.rlim_max, 65_536)
        if limit.rlim_cur < wanted {
            var raised = limit
            raised.rlim_cur = wanted
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return max(128, Int(clamping: limit.rlim_cur))
    }
}

/// Writes `text` (plus a newline) to a file descriptor in one `write(2)` call,
/// unbuffered, so a reader on a pipe sees it at once.
func writeLine(_ text: String, to descriptor: Int32, newline: Bool = true) {
    var bytes = Array(text.utf8)
    if newline { bytes.append(UInt8(ascii: "\n")) }
    writeAll(bytes, to: descriptor)
}

/// Writes all of `bytes`, retrying short writes and EINTR; gives up on other errors.
func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written < 0, errno == EINTR { continue }
        guard written > 0 else { return }
        offset += written
    }
}
