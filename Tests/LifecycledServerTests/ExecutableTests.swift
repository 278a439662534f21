// The built `lifecycled` executable, spawned as a process.
import Foundation
import MHDServer
import ServiceHTTP
import Testing

@Suite("Executable") struct ExecutableTests {
    @Test func binaryWasBuilt() {
        #expect(
            FileManager.default.isExecutableFile(atPath: LifecycledBinary.path),
            "build it first: swift build --product lifecycled (looked at \(LifecycledBinary.path))")
    }

    @Test func helpListsEveryFlagWithItsDefault() throws {
        let outcome = try LifecycledProcess.run(["--help"])
        #expect(outcome.exitStatus == 0)
        #expect(outcome.stderr.isEmpty)
        for flag in [
            "--host", "--port", "--threads", "--max-sessions", "--session-ttl", "--max-log", "--max-body",
            "--quiet", "--check", "--version", "--help",
        ] {
            #expect(outcome.stdout.contains(flag), "\(flag) missing from --help")
        }
        for defaultValue in ["127.0.0.1", "8080", "100000", "3600", "10000", "1048576"] {
            #expect(outcome.stdout.contains("(default: \(defaultValue))"), "default \(defaultValue) missing")
        }
    }

    @Test func versionPrintsTheVersion() throws {
        let outcome = try LifecycledProcess.run(["--version"])
        #expect(outcome.exitStatus == 0)
        #expect(outcome.stdout == "lifecycled 0.1.0\n")
    }

    @Test(
        "a bad command line exits 2 with one line on stderr",
        arguments: [
            (["--port", "abc"], "--port: \"abc\" is not a port number (0-65535)"),
            (["--port=70000"], "--port: \"70000\" is not a port number"),
            (["--bogus"], "unknown flag \"--bogus\""),
            (["--port"], "--port: missing value"),
            (["--threads", "0"], "--threads: \"0\" is not a thread count (1-64)"),
            (["--threads=65"], "--threads"),
            (["--max-sessions", "-3"], "--max-sessions"),
            (["--session-ttl", "soon"], "--session-ttl"),
            (["--session-ttl", "0s"], "--session-ttl"),
            (["--max-body", "1X"], "--max-body"),
            (["--max-log", ""], "--max-log"),
            (["--quiet=yes"], "--quiet takes no value"),
            (["serve"], "unexpected argument \"serve\""),
            (["--check", "https://example.com/"], "--check"),
        ])
    func badCommandLine(arguments: [String], message: String) throws {
        let outcome = try LifecycledProcess.run(arguments)
        #expect(outcome.exitStatus == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines.count == 1)
        let line = String(outcome.stderrLines.first ?? "")
        #expect(line.hasPrefix("lifecycled: "))
        #expect(line.contains(message))
        #expect(line.hasSuffix("; see --help"))
    }

    @Test(
        "both flag spellings are accepted",
        arguments: [
            ["--port", "0", "--threads", "1", "--max-body", "64k", "--session-ttl", "2m", "--max-log", "5", "--quiet"],
            [
                "--port=0", "--threads=1", "--max-body=1MiB", "--session-ttl=1h", "--max-sessions=10",
                "--host=127.0.0.1",
            ],
        ])
    func flagSpellings(arguments: [String]) throws {
        let server = try LifecycledProcess(arguments)
        let port = try server.waitUntilListening()
        #expect(port != 0)
        server.send(SIGTERM)
        #expect(try server.finish().exitStatus == 0)
    }

    @Test("serves on a free port and stops cleanly on a signal", arguments: [SIGTERM, SIGINT])
    func servesAndStops(signal: Int32) throws {
        let server = try LifecycledProcess(["--port", "0"])
        let port = try server.waitUntilListening()
        let response = try RawHTTP.exchange(port: port, RawHTTP.request("GET", "/healthz"))
        #expect(response.status == 200)
        #expect(response.text == #"{"status":"ok"}"#)
        server.send(signal)
        let outcome = try server.finish()
        #expect(outcome.exitStatus == 0)
        #expect(outcome.stdout.isEmpty)  // the listening line was the only output, already read
        // The access log line for the request (--log-format text, the default), e.g.
        // `2026-11-22T05:17:20.123Z INFO GET /healthz 200 0.123ms request=5f0c9a31-1`.
        let logLine = try #require(outcome.stderrLines.first { $0.contains(" GET /healthz ") })
        #expect(
            logLine.wholeMatch(
                of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO GET \/healthz 200 \d+\.\d{3}ms request=\S+/)
                != nil, "\(logLine)")
    }

    @Test func quietWritesNoAccessLog() throws {
        let server = try LifecycledProcess(["--port", "0", "--quiet"])
        let port = try server.waitUntilListening()
        _ = try RawHTTP.exchange(port: port, RawHTTP.request("GET", "/healthz"))
        server.send(SIGTERM)
        let outcome = try server.finish()
        #expect(outcome.exitStatus == 0)
        #expect(outcome.stderr.isEmpty)
    }

    @Test func aBusyPortExits1WithOneLine() throws {
        let first = try LifecycledProcess(["--port", "0", "--quiet"])
        let port = try first.waitUntilListening()
        let second = try LifecycledProcess.run(["--port", String(port)])
        #expect(second.exitStatus == 1)
        #expect(second.stderrLines.count == 1)
        #expect(second.stderr.hasPrefix("lifecycled: cannot listen on 127.0.0.1:\(port): "))
        first.send(SIGTERM)
        #expect(try first.finish().exitStatus == 0)
    }

    // MARK: --check

    /// An in-process server answering every request with `status`.
    private func statusServer(_ status: Int) throws -> HTTPServer {
        let server = HTTPServer(
            configuration: ServerConfiguration(port: 0, threads: 1),
            handler: { _ in ServiceResponse(status: status) }, problem: BridgeTestServer.problem)
        try server.start()
        return server
    }

    @Test func checkSucceedsOn2xx() throws {
        let server = try statusServer(204)
        defer { server.stop(graceSeconds: 0) }
        let outcome = try LifecycledProcess.run(["--check", "http://127.0.0.1:\(server.port)/healthz"])
        #expect(outcome.exitStatus == 0)
        #expect(outcome.stderrLines.count == 1)
    }

    @Test func checkFailsOnAnErrorStatus() throws {
        let server = try statusServer(503)
        defer { server.stop(graceSeconds: 0) }
        let outcome = try LifecycledProcess.run(["--check=http://127.0.0.1:\(server.port)/healthz"])
        #expect(outcome.exitStatus == 1)
        #expect(outcome.stderrLines.count == 1)
        #expect(outcome.stderr.contains("503"))
    }

    @Test func checkFailsOnAClosedPort() throws {
        // Bind a server, note its port, stop it: nothing listens there any more.
        let server = try statusServer(200)
        let port = server.port
        server.stop(graceSeconds: 0)
        let outcome = try LifecycledProcess.run(["--check", "http://127.0.0.1:\(port)/healthz"])
        #expect(outcome.exitStatus == 1)
        #expect(outcome.stderrLines.count == 1)
    }

    @Test func checkWorksAgainstTheRealServer() throws {
        let server = try LifecycledProcess(["--port", "0", "--quiet"])
        let port = try server.waitUntilListening()
        #expect(try LifecycledProcess.run(["--check", "http://127.0.0.1:\(port)/healthz"]).exitStatus == 0)
        #expect(try LifecycledProcess.run(["--check", "http://127.0.0.1:\(port)/no-such-path"]).exitStatus == 1)
        server.send(SIGTERM)
        #expect(try server.finish().exitStatus == 0)
    }

    // MARK: the contract, compiled in

    /// The binary alone, copied into an empty directory and started there, serves the
    /// repository's openapi.yaml byte for byte: the contract is embedded (Package.swift's
    /// `.embedInCode`), so no resource bundle or file needs to ship beside the executable.
    @Test func servesTheEmbeddedContractWithNothingBesideIt() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let expected = try [UInt8](Data(contentsOf: repository.appendingPathComponent("openapi.yaml")))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lifecycled-alone-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = directory.appendingPathComponent("lifecycled")
        try FileManager.default.copyItem(atPath: LifecycledBinary.path, toPath: binary.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["lifecycled"])

        let server = try LifecycledProcess(["--port", "0", "--quiet"], executable: binary.path, directory: directory)
        let port = try server.waitUntilListening()
        let response = try RawHTTP.exchange(port: port, RawHTTP.request("GET", "/openapi.yaml"))
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/yaml")
        #expect(response.body == expected, "the binary does not serve the repository's openapi.yaml")
        server.send(SIGTERM)
        #expect(try server.finish().exitStatus == 0)
    }

    // MARK: environment (the container's port)

    @Test func environmentSetsThePortAndCheckFollowsIt() throws {
        let server = try LifecycledProcess(["--quiet"], environment: ["LIFECYCLED_PORT": "0"])
        let port = try server.waitUntilListening()
        #expect(port != 0)
        // `--check` with no URL probes 127.0.0.1 on LIFECYCLED_PORT (or --port).
        #expect(try LifecycledProcess.run(["--check"], environment: ["LIFECYCLED_PORT": String(port)]).exitStatus == 0)
        #expect(try LifecycledProcess.run(["--check", "--port", String(port)]).exitStatus == 0)
        server.send(SIGTERM)
        #expect(try server.finish().exitStatus == 0)
        #expect(try LifecycledProcess.run(["--check"], environment: ["LIFECYCLED_PORT": String(port)]).exitStatus == 1)
    }

    @Test func badEnvironmentPortIsAUsageError() throws {
        let outcome = try LifecycledProcess.run([], environment: ["LIFECYCLED_PORT": "http"])
        #expect(outcome.exitStatus == 2)
        #expect(outcome.stderrLines.count == 1)
        #expect(outcome.stderr.contains("LIFECYCLED_PORT"))
    }
}
