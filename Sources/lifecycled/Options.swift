import LifecycleService
import MHDServer

/// The command line, parsed.
struct Options {
    enum Mode: Equatable {
        case serve
        case help
        case version
        /// Healthcheck: GET this URL and exit 0 on a 2xx status.
        case check(String)
        /// Healthcheck of this server's own `/healthz` (`--check` with no URL): the
        /// URL is made from `--port` / `LIFECYCLED_PORT` once every flag is read.
        case checkSelf
    }

    var mode = Mode.serve
    var host = "127.0.0.1"
    var port: UInt16 = 8080
    var threads = ServerConfiguration.defaultThreads
    var maxSessions = 100_000
    var sessionTTL = 3600.0
    var maxLog = 10_000
    var maxBody = 1 << 20
    var maxLogBytes = 8 << 20
    var maxMemory = 1 << 30
    var maxResponse = 16 << 20
    var dataDir: String?
    var fsync = FsyncPolicy.interval
    var quiet = false
    // Connections and shutdown: bounds that keep one client from exhausting the server, and the drain on SIGTERM.
    var maxConnections = 4000
    var maxConnectionsPerIP = 2000
    var requestTimeout = 10.0
    var grace = 5.0
    var corsOrigins: [String] = []
    var drainSeconds = 0.0
    var logFormat = LogFormat.text
    // Searches (explain, paths, coverage, diff, moveTo): their threads, queue and budget.
    var searchThreads = ServerConfiguration.defaultThreads
    /// nil: twice `searchThreads`.
    var searchQueue: Int?
    var searchDeadline = SearchLimits().deadline
    var searchSteps = SearchLimits().steps

    static let version = "lifecycled 0.1.0"

    static var usage: String {
        """
        usage: lifecycled [options]
               lifecycled explain FILE [options]   (the actions behind a callback log;
                                                    see lifecycled explain --help)

        Serves the iOS app life cycle simulator over HTTP until SIGINT or SIGTERM.

        options:
          --host HOST          interface to listen on (default: 127.0.0.1)
          --port PORT          TCP port, 0 = any free port (default: 8080)
          --threads N          worker threads, 1-64 (default: number of cores, \(ServerConfiguration.defaultThreads) here)
          --max-sessions N     sessions held at once (default: 100000)
          --session-ttl TIME   idle time before a session is forgotten: seconds, or with
                               suffix s, m or h (default: 3600)
          --max-log N          callbacks kept per session (default: 10000)
          --max-body BYTES     largest request body: bytes, or with suffix k/KiB or m/MiB
                               (default: 1048576)
          --max-log-bytes BYTES  encoded callbacks kept per session; older ones are
                               dropped and counted (default: 8MiB)
          --max-memory BYTES   budget for session logs, request bodies and unsent
                               responses; over it, 503 + Retry-After (default: 1GiB;
                               suffix g/GiB allowed, at most 64GiB)
          --max-response BYTES largest response body; larger: 413 (default: 16MiB)
          --data-dir DIR       keep sessions in journals in DIR, restored at start
                               (default: none, sessions live in memory only)
          --fsync POLICY       journal syncing with --data-dir: always, interval
                               (once a second) or never (default: interval)
          --quiet              no access log and no startup/shutdown lines on standard
                               error, only warnings (default: off)
          --log-format FORMAT  standard error's lines: text (one readable line each) or
                               json (one JSON object each) (default: text)
          --max-connections N  connections held at once (default: 4000)
          --max-connections-per-ip N
                               connections held at once from one address, 0 = no limit
                               (default: 2000)
          --request-timeout TIME
                               a request must be complete (head and body) this long after
                               its connection opened or its previous response (default: 10)
          --grace TIME         on SIGINT/SIGTERM, time for requests in flight to finish
                               (default: 5)
          --cors-origin ORIGIN allow browser calls from ORIGIN (repeatable; * = any);
                               default: CORS off, OPTIONS is a 405
          --drain-seconds TIME on SIGTERM, /readyz answers 503 for this long before the
                               server stops accepting (default: 0)
          --search-threads N   threads for searches (explain, paths, coverage, diff,
                               moveTo), apart from the HTTP workers, 1-64 (default: number
                               of cores, \(ServerConfiguration.defaultThreads) here)
          --search-queue N     searches that may wait for a search thread; one more gets
                               503 + Retry-After (default: twice --search-threads)
          --search-deadline TIME
                               CPU time one request may spend searching; past it, 422
                               naming the bound (default: 2)
          --search-steps N     actions one request's searches may try, all together; past
                               it, 422 naming the bound (default: 1000000)
          --check [URL]        healthcheck: GET the http:// URL (default: this server's
                               /healthz on 127.0.0.1 and --port), exit 0 on 2xx, else 1
          --version            print the version and exit
          --help               print this help and exit

        environment:
          LIFECYCLED_HOST      default of --host
          LIFECYCLED_PORT      default of --port (and of the port --check probes)
          LIFECYCLED_CORS_ORIGINS  default of --cors-origin: origins separated by commas
          LIFECYCLED_DRAIN_SECONDS default of --drain-seconds
          LIFECYCLED_LOG_FORMAT    default of --log-format

        """
    }

    /// A usage error, shown as one line; the process exits with status 2.
    struct Failure: Error {
        let message: String
    }

    /// Parses `arguments` (without the program name). Accepts `--flag value`
    /// and `--flag=value`; a later flag overrides an earlier one. `environment`
    /// supplies the defaults of `--host` and `--port` (for containers, where the
    /// health check must follow the configured port).
    init(arguments: [String], environment: [String: String] = [:]) throws(Failure) {
        if let envHost = environment["LIFECYCLED_HOST"], !envHost.isEmpty { host = envHost }
        if let envPort = environment["LIFECYCLED_PORT"], !envPort.isEmpty {
            guard let number = UInt16(envPort) else {
                throw Failure(message: "LIFECYCLED_PORT: \"\(envPort)\" is not a port number (0-65535)")
            }
            port = number
        }
        if let env = environment["LIFECYCLED_CORS_ORIGINS"], !env.isEmpty {
            corsOrigins = env.split(separator: ",").map { String($0.filter { $0 != " " }) }.filter { !$0.isEmpty }
        }
        if let env = environment["LIFECYCLED_DRAIN_SECONDS"], !env.isEmpty {
            drainSeconds = try Self.duration(env, flag: "LIFECYCLED_DRAIN_SECONDS", allowZero: true)
        }
        if let env = environment["LIFECYCLED_LOG_FORMAT"], !env.isEmpty {
            logFormat = try Self.logFormat(env, flag: "LIFECYCLED_LOG_FORMAT")
        }
        var remaining = arguments[...]
        var corsFromFlags: [String] = []
        while let argument = remaining.popFirst() {
            guard argument.hasPrefix("-") else { throw Failure(message: "unexpected argument \"\(argument)\"") }
            var flag = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            /// The flag's value: after `=`, or the next argument.
            func value() throws(Failure) -> String {
                if let inlineValue { return inlineValue }
                guard let next = remaining.popFirst() else { throw Failure(message: "\(flag): missing value") }
                return next
            }
            func noValue() throws(Failure) {
                if inlineValue != nil { throw Failure(message: "\(flag) takes no value") }
            }
            switch flag {
            case "--help", "-h":
                try noValue()
                mode = .help
            case "--version":
                try noValue()
                mode = .version
            case "--quiet":
                try noValue()
                quiet = true
            case "--check":
                // The URL is optional: a following flag (or nothing) means "this server".
                if inlineValue == nil, remaining.first.map({ $0.hasPrefix("-") }) ?? true {
                    mode = .checkSelf
                } else {
                    mode = .check(try value())
                }
            case "--host":
                host = try value()
                if host.isEmpty { throw Failure(message: "--host: empty host") }
            case "--port":
                let text = try value()
                guard let number = UInt16(text) else {
                    throw Failure(message: "--port: \"\(text)\" is not a port number (0-65535)")
                }
                port = number
            case "--threads": threads = try Self.integer(try value(), flag: flag, what: "thread count", in: 1...64)
            case "--max-sessions":
                maxSessions = try Self.integer(try value(), flag: flag, what: "session count", in: 1...100_000_000)
            case "--max-log":
                maxLog = try Self.integer(try value(), flag: flag, what: "callback count", in: 1...100_000_000)
            case "--session-ttl": sessionTTL = try Self.duration(try value(), flag: flag)
            case "--max-body": maxBody = try Self.byteCount(try value(), flag: flag)
            case "--max-connections":
                maxConnections = try Self.integer(try value(), flag: flag, what: "connection count", in: 1...1_000_000)
            case "--max-connections-per-ip":
                maxConnectionsPerIP = try Self.integer(
                    try value(), flag: flag, what: "connection count", in: 0...1_000_000)
            case "--request-timeout": requestTimeout = try Self.duration(try value(), flag: flag)
            case "--grace": grace = try Self.duration(try value(), flag: flag)
            case "--cors-origin":
                let origin = try value()
                if origin.isEmpty {
                    throw Failure(message: "--cors-origin: empty origin (send e.g. https://app.example or *)")
                }
                corsFromFlags.append(origin)
                corsOrigins = corsFromFlags  // the flags replace the environment's list
            case "--drain-seconds": drainSeconds = try Self.duration(try value(), flag: flag, allowZero: true)
            case "--search-threads":
                searchThreads = try Self.integer(try value(), flag: flag, what: "thread count", in: 1...64)
            case "--search-queue":
                searchQueue = try Self.integer(try value(), flag: flag, what: "queue length", in: 0...100_000)
            case "--search-deadline": searchDeadline = try Self.duration(try value(), flag: flag)
            case "--search-steps":
                searchSteps = try Self.integer(try value(), flag: flag, what: "step count", in: 1...1_000_000_000)
            case "--log-format": logFormat = try Self.logFormat(try value(), flag: flag)
            case "--max-log-bytes": maxLogBytes = try Self.byteCount(try value(), flag: flag)
            case "--max-memory": maxMemory = try Self.byteCount(try value(), flag: flag, max: 64 << 30)
            case "--max-response": maxResponse = try Self.byteCount(try value(), flag: flag)
            case "--data-dir":
                dataDir = try value()
                if dataDir?.isEmpty == true { throw Failure(message: "--data-dir: empty path") }
            case "--fsync":
                let text = try value()
                guard let policy = FsyncPolicy(rawValue: text) else {
                    throw Failure(message: "--fsync: \"\(text)\" is not always, interval or never")
                }
                fsync = policy
            default: throw Failure(message: "unknown flag \"\(flag)\"")
            }
        }
    }

    private static func logFormat(_ text: String, flag: String) throws(Failure) -> LogFormat {
        guard let format = LogFormat(rawValue: text) else {
            throw Failure(message: "\(flag): \"\(text)\" is not a log format (send text or json)")
        }
        return format
    }

    private static func integer(
        _ text: String, flag: String, what: String,
        in range: ClosedRange<Int>
    ) throws(Failure) -> Int {
        guard let number = Int(text), range.contains(number) else {
            throw Failure(message: "\(flag): \"\(text)\" is not a \(what) (\(range.lowerBound)-\(range.upperBound))")
        }
        return number
    }

    /// Seconds, optionally with suffix s, m or h; more than 0, at most 365 days.
    private static func duration(_ text: String, flag: String, allowZero: Bool = false) throws(Failure) -> Double {
        let units: [(suffix: String, seconds: Double)] = [("s", 1), ("m", 60), ("h", 3600)]
        let unit = units.first { text.hasSuffix($0.suffix) }
        let number = unit.map { String(text.dropLast($0.suffix.count)) } ?? text
        guard number.first?.isNumber == true, let value = Double(number), value.isFinite,
            case let seconds = value * (unit?.seconds ?? 1), seconds > 0 || (allowZero && seconds == 0),
            seconds <= 365 * 86_400
        else {
            throw Failure(
                message: "\(flag): \"\(text)\" is not a duration (seconds, or a number with s, m or h; "
                    + "more than 0, at most 365 days)")
        }
        return seconds
    }

    /// Bytes, optionally with suffix k, K, KiB, m, M, MiB, g, G or GiB; at most `max` (1 GiB).
    private static func byteCount(_ text: String, flag: String, max: Int = 1 << 30) throws(Failure) -> Int {
        let units: [(suffix: String, bytes: Int)] = [
            ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("k", 1 << 10),
            ("K", 1 << 10), ("m", 1 << 20), ("M", 1 << 20),
            ("g", 1 << 30), ("G", 1 << 30),
        ]
        let unit = units.first { text.hasSuffix($0.suffix) }
        let number = unit.map { String(text.dropLast($0.suffix.count)) } ?? text
        guard let value = Int(number), value >= 0, value <= max / (unit?.bytes ?? 1) else {
            throw Failure(
                message:
                    "\(flag): \"\(text)\" is not a byte count (0-\(max >> 30)GiB; suffix k/KiB, m/MiB or g/GiB allowed)"
            )
        }
        return value * (unit?.bytes ?? 1)
    }
}
