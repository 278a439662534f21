import Foundation
import Dispatch
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
        let options: Options
        do {
            options = try Options(arguments: arguments, environment: ProcessInfo.processInfo.environment)
        } catch {
            writeLine("lifecycled: \(error.message); see --help", to: 2)
            return 2
        }
        switch options.mode {
        case .help: writeLine(Options.usage, to: 1, newline: false); return 0
        case .version: writeLine(Options.version, to: 1); return 0
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

        let log = StderrLog(descriptor: 2)
        let logRequest: (@Sendable (AccessLogEntry) -> Void)? = options.quiet ? nil : { @Sendable entry in
            log.write(entry)
        }
        let limits = ServiceLimits(maxSessions: options.maxSessions, sessionTTL: options.sessionTTL,
                                   maxLog: options.maxLog, maxLogBytes: options.maxLogBytes,
                                   maxMemory: options.maxMemory, maxResponse: options.maxResponse)
        let settings = ServiceSettings(version: String(Options.version.split(separator: " ").last ?? ""),
                                       corsOrigins: options.corsOrigins,
                                       drainRetryAfterSeconds: Int(options.drainSeconds.rounded(.up)))
        let service: Service
        if let dataDir = options.dataDir {
            do {
                service = try Service(limits: limits, settings: settings, dataDirectory: dataDir, fsync: options.fsync)
            } catch {
                writeLine("lifecycled: \(error)", to: 2)
                return 1
            }
            let (restored, problems) = service.restoreSessions()
            for problem in problems { writeLine("lifecycled: --data-dir: \(problem)", to: 2) }
            writeLine("lifecycled: restored \(restored) sessions from \(dataDir)", to: 2)
        } else {
            service = Service(limits: limits, settings: settings)
        }
        var configuration = ServerConfiguration(
            host: options.host, port: options.port, threads: options.threads, maxBody: options.maxBody,
            requestTimeout: options.requestTimeout,
            connectionLimit: UInt32(min(options.maxConnections, raiseFileLimit() - 64)),
            perIPConnectionLimit: UInt32(options.maxConnectionsPerIP))
        configuration.memory = service.memory
        let server = HTTPServer(configuration: configuration,
                                handler: { service.handle($0) },
                                problem: { service.problem(status: $0, detail: $1) },
                                accessLog: logRequest, messageLog: { log.line($0) })
        do {
            try server.start()
        } catch {
            writeLine("lifecycled: \(error)", to: 2)
            return 1
        }
        let host = options.host.contains(":") && !options.host.hasPrefix("[") ? "[\(options.host)]" : options.host
        writeLine("listening on http://\(host):\(server.port)", to: 1)

        let sweeper = DispatchSource.makeTimerSource(queue: .global())
        let interval = max(0.1, min(options.sessionTTL / 4, 30))
        sweeper.schedule(deadline: .now() + interval, repeating: interval)
        sweeper.setEventHandler {
            service.sweepExpiredSessions()
        }
        sweeper.resume()

        stopSignals.wait()
        // Readiness first: /readyz answers 503 while requests are still served, so a
        // balancer can stop sending before the server stops accepting.
        service.beginDraining()
        if options.drainSeconds > 0 { Thread.sleep(forTimeInterval: options.drainSeconds) }
        sweeper.cancel()
        let report = server.stop(graceSeconds: options.grace)
        let graceText = options.grace == options.grace.rounded() ? "\(Int(options.grace))s" : "\(options.grace)s"
        log.finish(lastLine: report.graceExpired
                   ? "lifecycled: shutdown: grace \(graceText) over, \(report.requestsCut) requests cut" : nil)
        return 0
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
