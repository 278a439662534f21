// Process exists where a test target runs on a Mac or on Linux; an iOS build of this
// module is empty rather than failing.
#if os(macOS) || os(Linux)
    import Foundation
    import LifecycledClient
    import Synchronization

    /// A `lifecycled` process on a port it picked (`--port 0`), for the duration of a test,
    /// as the Python pytest plugin runs one (clients/python/src/lifecycled/server.py).
    ///
    /// ```swift
    /// let server = try await LifecycledServer.start()
    /// defer { server.stop() }
    /// let session = try await server.client.createSession()
    /// ```
    ///
    /// `start` finds the binary (`LifecycledServer.findBinary`), waits for its
    /// `listening on http://HOST:PORT` line and for `/healthz`; `stop()` (or the end of
    /// the last reference) ends it.
    public final class LifecycledServer: Sendable {

        /// The server's base URL, e.g. `http://127.0.0.1:39117`.
        public let url: URL
        /// A client of this server.
        public let client: LifecycledClient
        /// The binary that runs.
        public let binary: String
        private let stderrPath: URL
        /// The process and, once `stop()` saw it exit, its status: used under the lock only.
        private let running: Mutex<(process: Process, exitStatus: Int32?)>

        private init(process: Process, url: URL, binary: String, stderrPath: URL) {
            self.running = Mutex((process, nil))
            self.url = url
            self.binary = binary
            self.stderrPath = stderrPath
            self.client = LifecycledClient(url: url)
        }

        deinit {
            running.withLock { if $0.process.isRunning { kill($0.process.processIdentifier, SIGKILL) } }
            try? FileManager.default.removeItem(at: stderrPath)
        }

        /// Why a server did not start.
        public struct StartFailure: Error, CustomStringConvertible {
            public var description: String
        }

        /// Starts `binary` (default: `findBinary(searchingFrom:)`) with `--host host --port 0`
        /// and `arguments`, and waits (at most `timeout` seconds) until it answers `/healthz`.
        public static func start(
            binary: String? = nil, arguments: [String] = ["--quiet"], host: String = "127.0.0.1",
            timeout: TimeInterval = 20, searchingFrom filePath: String = #filePath
        ) async throws -> LifecycledServer {
            let binary = try binary ?? findBinary(searchingFrom: filePath)
            let stderrPath = FileManager.default.temporaryDirectory
                .appendingPathComponent("lifecycled-\(UUID().uuidString).stderr")
            guard FileManager.default.createFile(atPath: stderrPath.path, contents: nil),
                let stderrHandle = FileHandle(forWritingAtPath: stderrPath.path)
            else { throw StartFailure(description: "cannot create \(stderrPath.path)") }
            defer { try? stderrHandle.close() }

            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["--host", host, "--port", "0"] + arguments
            let stdout = Pipe()
            process.standardOutput = stdout
            process.standardError = stderrHandle
            process.standardInput = FileHandle.nullDevice
            try process.run()

            let announced = ListeningLine()
            announced.read(stdout.fileHandleForReading)
            let deadline = Date().addingTimeInterval(timeout)
            let found = await announced.wait(until: deadline)
            func fail(_ why: String) -> StartFailure {
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                let output = (try? String(contentsOf: stderrPath, encoding: .utf8)) ?? ""
                try? FileManager.default.removeItem(at: stderrPath)
                let command = ([binary] + (process.arguments ?? [])).joined(separator: " ")
                return StartFailure(
                    description: "\(command): \(why) (exit status \(process.terminationStatus)):\n\(output)")
            }
            guard let found, let url = URL(string: found) else {
                throw fail("no \"listening on http://…\" line within \(timeout) s")
            }
            let server = LifecycledServer(process: process, url: url, binary: binary, stderrPath: stderrPath)
            while (try? await server.client.health()) != true {
                guard Date() < deadline, process.isRunning else {
                    throw fail("\(url)/healthz did not answer within \(timeout) s")
                }
                try await Task.sleep(nanoseconds: 20_000_000)
            }
            return server
        }

        /// What the server wrote on standard error (its access log, without `--quiet`).
        public func stderr() -> String {
            (try? String(contentsOf: stderrPath, encoding: .utf8)) ?? ""
        }

        /// Whether the process still runs.
        public var isRunning: Bool { running.withLock { $0.process.isRunning } }

        /// Stops the server: SIGTERM (a clean stop), then SIGKILL after `timeout` seconds.
        /// Answers the exit status (nil when a signal ended it); calling it again is harmless.
        @discardableResult
        public func stop(timeout: TimeInterval = 10) -> Int32? {
            running.withLock { (state) -> Int32? in
                let process = state.process
                if process.isRunning {
                    process.terminate()
                    let deadline = Date().addingTimeInterval(timeout)
                    while process.isRunning, Date() < deadline { usleep(5_000) }
                    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                    process.waitUntilExit()
                }
                if state.exitStatus == nil, process.terminationReason == .exit {
                    state.exitStatus = process.terminationStatus
                }
                return state.exitStatus
            }
        }

        /// The `lifecycled` binary, in the order every lifecycled client looks (Swift,
        /// JavaScript, Python): `$LIFECYCLED_BIN`; else `lifecycled` on `PATH`; else
        /// `.build/release/lifecycled`, then `.build/debug/lifecycled`, in the working
        /// directory or the nearest parent that has one (then the same from the directory
        /// of `filePath`: pass `#filePath`). The error says how to build one.
        /// `environment` and `workingDirectory` default to the process's own.
        public static func findBinary(
            searchingFrom filePath: String = #filePath,
            environment: [String: String] = ProcessInfo.processInfo.environment,
            workingDirectory: String = FileManager.default.currentDirectoryPath
        ) throws -> String {
            let files = FileManager.default
            if let env = environment["LIFECYCLED_BIN"], !env.isEmpty {
                guard files.isExecutableFile(atPath: env) else {
                    throw StartFailure(description: "LIFECYCLED_BIN=\(env) is not an executable file")
                }
                return env
            }
            for directory in (environment["PATH"] ?? "").split(separator: ":") where !directory.isEmpty {
                let path = URL(fileURLWithPath: String(directory)).appendingPathComponent("lifecycled").path
                if files.isExecutableFile(atPath: path) { return path }
            }
            var starts: [URL] = []
            for start in [URL(fileURLWithPath: workingDirectory), URL(fileURLWithPath: filePath)] {
                var directory = start.standardizedFileURL
                while directory.path != "/" && !directory.path.isEmpty {
                    starts.append(directory)
                    directory = directory.deletingLastPathComponent()
                }
            }
            for directory in starts {
                for configuration in ["release", "debug"] {
                    let path = directory.appendingPathComponent(".build/\(configuration)/lifecycled").path
                    if files.isExecutableFile(atPath: path) { return path }
                }
            }
            throw StartFailure(description: notFoundMessage)
        }

        /// What every client says when it finds no binary: where it looked, and how to build one.
        public static let notFoundMessage =
            "no lifecycled binary: set LIFECYCLED_BIN to its path, put lifecycled on PATH, or build it with "
            + "`swift build -c release --product lifecycled` (in the lifecycled checkout, or in a package that "
            + "depends on it) and run from that folder or below it, where .build/release/lifecycled is found"
    }

    extension LifecycledServer {
        /// One server for every test of the process that asks for it (one per binary and
        /// arguments): the first call starts it, the others get the same one, and it stops
        /// when the test process exits. Give each test a session of its own: sessions are
        /// independent, so tests running in parallel share the server safely.
        ///
        /// ```swift
        /// @Suite struct CheckoutFlowTests {
        ///     @Test func coldLaunch() async throws {
        ///         let client = try await LifecycledServer.shared().client
        ///         let app = try await client.createSession()
        ///         #expect(try await client.act(.launch, in: app.id).state.app == .active)
        ///     }
        /// }
        /// ```
        ///
        /// A server that failed to start fails every later call the same way (at once).
        public static func shared(
            binary: String? = nil, arguments: [String] = ["--quiet"], searchingFrom filePath: String = #filePath
        ) async throws -> LifecycledServer {
            let binary = try binary ?? findBinary(searchingFrom: filePath)
            return try await SharedServers.instance.server(binary: binary, arguments: arguments).value
        }
    }

    /// The servers `LifecycledServer.shared` started, stopped at exit.
    private final class SharedServers: Sendable {
        static let instance = SharedServers()
        private typealias Registry = (
            starting: [String: Task<LifecycledServer, any Error>], started: [LifecycledServer]
        )
        private let servers = Mutex<Registry>(([:], []))

        func server(binary: String, arguments: [String]) -> Task<LifecycledServer, any Error> {
            servers.withLock { servers in
                let key = ([binary] + arguments).joined(separator: "\u{0}")
                if let task = servers.starting[key] { return task }
                if servers.starting.isEmpty { atexit { SharedServers.instance.stopAll() } }
                let task = Task {
                    let server = try await LifecycledServer.start(binary: binary, arguments: arguments)
                    self.servers.withLock { $0.started.append(server) }
                    return server
                }
                servers.starting[key] = task
                return task
            }
        }

        /// At exit: a clean stop (SIGTERM) of each server that started.
        func stopAll() {
            for server in servers.withLock({ $0.started }) { server.stop(timeout: 2) }
        }
    }

    /// Runs `body` with a client of a fresh local `lifecycled` (`LifecycledServer.start`),
    /// stopping the server afterwards, whether `body` returns or throws.
    ///
    /// ```swift
    /// @Test func launchMakesTheAppActive() async throws {
    ///     try await withLifecycled { client in
    ///         let session = try await client.createSession()
    ///         #expect(try await client.act(.launch, in: session.id).state.app == .active)
    ///     }
    /// }
    /// ```
    ///
    /// `body` runs on the caller's actor (`isolation`), so a `@MainActor` test can use its state.
    public func withLifecycled<T>(
        binary: String? = nil, arguments: [String] = ["--quiet"], filePath: String = #filePath,
        isolation: isolated (any Actor)? = #isolation, _ body: (LifecycledClient) async throws -> T
    ) async throws -> T {
        let server = try await LifecycledServer.start(binary: binary, arguments: arguments, searchingFrom: filePath)
        defer { server.stop() }
        return try await body(server.client)
    }

    /// The server's `listening on http://HOST:PORT` line, read from its standard output
    /// on a thread that keeps draining the pipe afterwards (so the server never blocks on it).
    private final class ListeningLine: Sendable {
        private struct Line {
            var url: String?
            var ended = false
            var waiter: CheckedContinuation<String?, Never>?
        }
        private let line = Mutex(Line())

        func read(_ handle: FileHandle) {
            Thread {
                var pending = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    guard self.line.withLock({ $0.url == nil }) else { continue }
                    pending.append(chunk)
                    while let newline = pending.firstIndex(of: 10) {
                        let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                        pending.removeSubrange(pending.startIndex...newline)
                        let prefix = "listening on "
                        if line.hasPrefix(prefix) {
                            self.finish(String(line.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces))
                        }
                    }
                }
                self.finish(nil)
            }.start()
        }

        private func finish(_ found: String?) {
            let resume: CheckedContinuation<String?, Never>? = line.withLock { line in
                guard !line.ended else { return nil }
                if let found { line.url = found }
                line.ended = true
                defer { line.waiter = nil }
                return line.waiter
            }
            resume?.resume(returning: found)
        }

        /// The URL, or nil when the output ended without it or `deadline` passed first.
        func wait(until deadline: Date) async -> String? {
            let timer = Task {
                try? await Task.sleep(nanoseconds: UInt64(max(0, deadline.timeIntervalSinceNow) * 1e9))
                if !Task.isCancelled { self.finish(nil) }
            }
            defer { timer.cancel() }
            return await withCheckedContinuation { continuation in
                let answer: String?? = line.withLock { line in
                    if line.ended { return .some(line.url) }
                    line.waiter = continuation
                    return .none
                }
                if let answer { continuation.resume(returning: answer) }
            }
        }
    }
#endif
