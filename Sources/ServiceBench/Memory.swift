// What sessions hold in memory, measured on the heap (`--memory`), with issue #36's
// goals for a session without observers (reported by `make bench`, bench/run.sh).

import Foundation
import LifecycleService
import ServiceHTTP

#if canImport(Glibc)
    import Glibc

    /// glibc's `malloc_stats` (malloc.h, which the Glibc module does not export): it
    /// prints each arena's bytes to stderr. `mallinfo2` says the same as a struct, which
    /// Swift cannot take from a function it cannot import.
    @_silgen_name("malloc_stats")
    private func glibcMallocStats()
#endif

/// Bytes the heap holds in use (glibc's "in use bytes", every arena and mmapped blocks,
/// block headers and rounding included, as memory really costs); nil where there is
/// no glibc.
func heapBytesInUse() -> Int? {
    #if canImport(Glibc)
        let path = NSTemporaryDirectory() + "lifecycled-memory-\(getpid())"
        let file = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        guard file >= 0 else { return nil }
        defer {
            close(file)
            unlink(path)
        }
        fflush(nil)
        let saved = dup(2)
        dup2(file, 2)
        glibcMallocStats()
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let total = text.range(of: "Total (incl. mmap):"),
            let line = text[total.upperBound...].split(separator: "\n").first(where: { $0.contains("in use bytes") }),
            let bytes = line.split(separator: " ").last.flatMap({ Int($0) })
        else { return nil }
        return bytes
    #else
        return nil
    #endif
}

/// One line a measure: `memory <name> <bytes>` and what it is.
struct MemoryReport {
    /// Sessions measured at once: enough that the heap's own noise is a byte or two a session.
    var sessions = 2000
    /// Home-and-return cycles after the first, for the bytes a retained callback costs.
    var cycles = 50

    func run() {
        guard heapBytesInUse() != nil else {
            print("memory: no mallinfo2 on this system (glibc only)")
            return
        }
        measure("app", appConfig)
        measure("scene", sceneConfig)
        measure("observers", observedConfig)
    }

    /// Sessions of `config`: launched, then Home and return, then `cycles` more of those.
    private func measure(_ name: String, _ config: [UInt8]) {
        let service = Service(limits: ServiceLimits(maxSessions: sessions + 1))
        let perCycle = callbacks(of: config, cycles: 1) - callbacks(of: config, cycles: 0)
        let empty = heap()
        let paths = launchedSessions(sessions, config: config, on: service)
        let idle = heap()
        _ = homeAndReturn(paths, on: service)
        let returned = heap()
        for _ in 0..<cycles { _ = homeAndReturn(paths, on: service) }
        let long = heap()
        let retained = cycles * perCycle
        let perSession = (idle - empty) / sessions
        let afterReturn = (returned - empty) / sessions
        let perCallback = (long - returned) / (sessions * retained)
        print("memory\t\(name)\tidle\t\(perSession)\tbytes an idle launched session")
        print(
            "memory\t\(name)\treturned\t\(afterReturn)\tbytes a session after launch, Home and return "
                + "(\(callbacks(of: config, cycles: 1)) callbacks)")
        print(
            "memory\t\(name)\tcallback\t\(perCallback)\tbytes a retained callback "
                + "(\(cycles) more Home-and-return cycles, \(retained) callbacks a session)")
        // The goals are for sessions without observers (the issue sets none with them).
        if name != "observers" {
            goal("\(name): a retained callback", perCallback, 64)
            goal("\(name): an idle launched session", perSession, 2048)
            goal("\(name): a session after launch, Home and return", afterReturn, 3072)
        }
        withExtendedLifetime(service) {}
    }

    /// One of issue #36's goals: reported, pass or OVER.
    private func goal(_ what: String, _ bytes: Int, _ limit: Int) {
        print("goal\t\(what): \(bytes) <= \(limit) bytes: \(bytes <= limit ? "pass" : "OVER")")
    }

    private func heap() -> Int { heapBytesInUse() ?? 0 }

    /// The callbacks of a session of `config` launched, then sent Home and back `cycles` times.
    private func callbacks(of config: [UInt8], cycles: Int) -> Int {
        let service = Service(limits: ServiceLimits(maxSessions: 2))
        guard let path = launchedSessions(1, config: config, on: service).first else { fail("no session") }
        for _ in 0..<cycles { _ = homeAndReturn([path], on: service) }
        let log = String(path.dropLast("actions".count)) + "callbacks"
        let answer = service.handle(ServiceRequest(method: "GET", path: log, query: [("limit", "1")]))
        guard answer.status == 200, let text = String(bytes: answer.body, encoding: .utf8),
            let range = text.range(of: #""total":"#),
            let total = Int(text[range.upperBound...].prefix { $0.isNumber })
        else { fail("the log of \(path) answered \(answer.status)") }
        return total
    }
}
