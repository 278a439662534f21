import Foundation
import LifecycleModel
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// When journal writes reach the disk (`--fsync`).
public enum FsyncPolicy: String, Sendable, CaseIterable {
    /// `fsync` after every record, before the request is answered: survives power loss.
    case always
    /// Every journal written to is synced once a second: a power loss may lose the last second.
    case interval
    /// Never synced by us (the kernel writes back): survives a crash of the process, not of the machine.
    case never
}

/// Durable sessions (`--data-dir`): one append-only journal per session, replayed at start.
///
/// Format (docs/guide/operations.md, "Durable sessions"): the file `<data-dir>/<session id>.journal` holds
/// one JSON text per line, each re-encoded canonically (JSONWriter: no raw newlines).
/// Line 1 is the header `{"journal":1,"ordinal":N,"config":{…}}` (the config as
/// sent); every further line is one accepted action as sent (`{"type":"launch"}`).
/// The model is deterministic, so replaying the config and the actions restores the
/// state and the log exactly. A torn last line (a crash mid-write) is dropped.
final class SessionJournal: Sendable {
    let directory: String
    let fsync: FsyncPolicy
    /// Journals written since the last interval sync.
    private let dirty = StoreLock<Set<UUID>>([])
    /// The `interval` policy's once-a-second sync.
    private let timer = StoreLock<DispatchSourceTimer?>(nil)

    static let suffix = ".journal"

    init(directory: String, fsync: FsyncPolicy) throws(JournalError) {
        self.directory = directory
        self.fsync = fsync
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw JournalError("cannot create --data-dir \(directory): \(error.localizedDescription)")
            }
        } else if !isDirectory.boolValue {
            throw JournalError("--data-dir \(directory) is not a directory")
        }
        if fsync == .interval {
            timer.withLock { slot in
                let source = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
                source.schedule(deadline: .now() + 1, repeating: 1)
                source.setEventHandler { [weak self] in self?.syncDirty() }
                source.resume()
                slot = source
            }
        }
    }

    deinit { timer.withLock { $0?.cancel() } }

    func path(_ id: UUID) -> String { "\(directory)/\(id.lowercased)\(Self.suffix)" }

    /// Starts a session's journal with its header.
    func create(_ id: UUID, ordinal: Int, config: JSONValue) throws(JournalError) {
        var w = JSONWriter()
        w.beginObject()
        w.key("journal")
        w.int(1)
        w.key("ordinal")
        w.int(ordinal)
        w.key("config")
        w.value(config)
        w.endObject()
        try write(id, w.bytes, flags: O_WRONLY | O_CREAT | O_TRUNC)
    }

    /// Appends one accepted action (call under the session's lock, so lines follow seq order).
    func append(_ id: UUID, action: JSONValue) throws(JournalError) {
        var w = JSONWriter()
        w.value(action)
        try write(id, w.bytes, flags: O_WRONLY | O_APPEND)
    }

    /// Appends a batch's accepted actions, one line each, in one write (issue #13).
    func append(_ id: UUID, actions: [JSONValue]) throws(JournalError) {
        var w = JSONWriter()
        var lines: [UInt8] = []
        for (i, action) in actions.enumerated() {
            w = JSONWriter()
            w.value(action)
            if i > 0 { lines.append(UInt8(ascii: "\n")) }
            lines += w.bytes
        }
        try write(id, lines, flags: O_WRONLY | O_APPEND)
    }

    /// Forgets a session's journal.
    func remove(_ id: UUID) {
        unlink(path(id))
        dirty.withLock { _ = $0.remove(id) }
    }

    private func write(_ id: UUID, _ record: [UInt8], flags: Int32) throws(JournalError) {
        let fd = open(path(id), flags | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw JournalError("cannot open \(path(id)): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let line = record + [UInt8(ascii: "\n")]
        var offset = 0
        while offset < line.count {
            let n = line[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw JournalError("cannot write \(path(id)): \(String(cString: strerror(errno)))") }
            offset += n
        }
        switch fsync {
        case .always:
            guard Glibc.fsync(fd) == 0 else {
                throw JournalError("cannot fsync \(path(id)): \(String(cString: strerror(errno)))")
            }
        case .interval: dirty.withLock { _ = $0.insert(id) }
        case .never: break
        }
    }

    /// Syncs every journal written since the last call (the `interval` policy's timer).
    func syncDirty() {
        let ids = dirty.withLock { set -> Set<UUID> in
            defer { set.removeAll() }
            return set
        }
        for id in ids {
            let fd = open(path(id), O_RDONLY | O_CLOEXEC)
            if fd >= 0 {
                _ = Glibc.fsync(fd)
                close(fd)
            }
        }
        if !ids.isEmpty {
            let dfd = open(directory, O_RDONLY | O_CLOEXEC)
            if dfd >= 0 {
                _ = Glibc.fsync(dfd)
                close(dfd)
            }
        }
    }

    /// One journal read back: header and actions, in order.
    struct Record {
        var id: UUID
        var ordinal: Int
        var config: JSONValue
        var actions: [JSONValue]
    }

    /// Every journal in the directory. A torn or unreadable last line is cut off the
    /// file; a journal without a readable header is set aside as `.bad`.
    func readAll() -> (records: [Record], problems: [String]) {
        var records: [Record] = []
        var problems: [String] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasSuffix(Self.suffix) {
            let path = "\(directory)/\(name)"
            guard let id = UUID(uuidString: String(name.dropLast(Self.suffix.count))),
                let data = FileManager.default.contents(atPath: path)
            else { continue }
            let bytes = [UInt8](data)
            var lines: [JSONValue] = []
            var start = 0
            var goodEnd = 0
            while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                guard let value = try? JSONParser.parse(Array(bytes[start..<newline])) else { break }
                lines.append(value)
                start = newline + 1
                goodEnd = start
            }
            guard let header = lines.first, header["journal"]?.doubleValue == 1,
                let ordinal = header["ordinal"]?.doubleValue, let config = header["config"]
            else {
                problems.append("\(name): no readable header; renamed to \(name).bad")
                rename(path, path + ".bad")
                continue
            }
            if goodEnd < bytes.count {
                problems.append("\(name): dropped a torn last record (\(bytes.count - goodEnd) bytes)")
                truncate(path, off_t(goodEnd))
            }
            records.append(Record(id: id, ordinal: Int(ordinal), config: config, actions: Array(lines.dropFirst())))
        }
        return (records.sorted { $0.ordinal < $1.ordinal }, problems)
    }
}

/// A journal could not be written or read.
public struct JournalError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
