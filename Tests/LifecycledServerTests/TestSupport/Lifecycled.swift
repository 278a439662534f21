// Runs the built `lifecycled` executable for the Executable tests.
import Foundation
import Synchronization

/// How a finished process ended and what it printed.
struct ProcessOutcome {
    /// The exit status, or nil when a signal ended the process.
    var exitStatus: Int32?
    var stdout: String
    var stderr: String

    /// Non-empty lines of standard error.
    var stderrLines: [Substring] { stderr.split(separator: "\n") }
}

enum LifecycledBinary {
    /// The executable `swift build` / `swift test` put next to the test bundle
    /// (.build/<triple>/<config>/), or .build/debug as a fallback.
    static var path: String {
        var candidates: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(
                URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("lifecycled").path)
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("lifecycled").path)
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/lifecycled").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[candidates.count - 1]
    }
}

enum LifecycledError: Error, CustomStringConvertible {
    case timeout(String)
    case noListeningLine(String)

    var description: String {
        switch self {
        case .timeout(let what): "timed out: \(what)"
        case .noListeningLine(let output): "no listening line; output: \(output)"
        }
    }
}

/// A running `lifecycled` with its standard output and error on pipes.
final class LifecycledProcess {
    let process = Process()
    private let stdoutPipe = Pipe()
    private let stderrPipe = Pipe()
    private var stdoutBuffer: [UInt8] = []
    /// Standard error read so far by `drainStderr`, if it was started.
    private let stderrDrained = DrainedBytes()
    private let stderrDrainDone = DispatchSemaphore(value: 0)

    /// - Parameters:
    ///   - environment: variables set on top of this process's environment.
    ///   - executable: the binary to run (default: the one `swift build` put beside the tests).
    ///   - directory: its working directory (default: this process's).
    init(
        _ arguments: [String], environment: [String: String] = [:], executable: String = LifecycledBinary.path,
        directory: URL? = nil
    ) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.currentDirectoryURL = directory
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Reads standard output up to the first newline and returns the line.
    func readLine(timeout: Double = 10) throws -> String {
        let fd = stdoutPipe.fileHandleForReading.fileDescriptor
        let deadline = Date().addingTimeInterval(timeout)
        while !stdoutBuffer.contains(10) {
            let remaining = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard remaining > 0, poll(&entry, 1, remaining) > 0 else { throw LifecycledError.timeout("reading stdout") }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            stdoutBuffer += chunk[..<count]
        }
        let line = stdoutBuffer.prefix { $0 != 10 }
        stdoutBuffer.removeFirst(min(stdoutBuffer.count, line.count + 1))
        return String(decoding: line, as: UTF8.self)
    }

    /// Waits for the `listening on http://HOST:PORT` line and returns the port.
    func waitUntilListening() throws -> UInt16 {
        let line = try readLine()
        guard line.hasPrefix("listening on http://127.0.0.1:"), let port = UInt16(line.split(separator: ":").last ?? "")
        else {
            throw LifecycledError.noListeningLine(line)
        }
        return port
    }

    /// Starts reading standard error on a thread of its own (until the process
    /// closes it); until then nobody reads it, as with a harness that never does.
    func drainStderr() {
        stderrDrained.bytes.withLock { $0 = [] }
        let handle = stderrPipe.fileHandleForReading
        let buffer = stderrDrained
        let done = stderrDrainDone
        Thread {
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                buffer.bytes.withLock { $0?.append(contentsOf: data) }
            }
            done.signal()
        }.start()
    }

    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end (killing it after `timeout`) and collects its output.
    func finish(timeout: Double = 20) throws -> ProcessOutcome {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw LifecycledError.timeout("waiting for lifecycled to exit")
        }
        process.waitUntilExit()
        let out = stdoutBuffer + [UInt8](stdoutPipe.fileHandleForReading.readDataToEndOfFile())
        let drained = stderrDrained.bytes.withLock { $0 != nil }
        if drained { _ = stderrDrainDone.wait(timeout: .now() + 5) }
        let err =
            drained
            ? stderrDrained.bytes.withLock { $0 ?? [] }
            : [UInt8](stderrPipe.fileHandleForReading.readDataToEndOfFile())
        return ProcessOutcome(
            exitStatus: process.terminationReason == .exit ? process.terminationStatus : nil,
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs `lifecycled` with `arguments` to completion (for commands that exit by themselves).
    static func run(
        _ arguments: [String], environment: [String: String] = [:],
        timeout: Double = 20
    ) throws -> ProcessOutcome {
        try LifecycledProcess(arguments, environment: environment).finish(timeout: timeout)
    }
}

/// Standard error as read by `LifecycledProcess.drainStderr`; nil until it starts.
final class DrainedBytes: Sendable {
    let bytes = Mutex<[UInt8]?>(nil)
}
