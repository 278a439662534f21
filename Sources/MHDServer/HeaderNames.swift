import CMicroHTTPD
import ServiceHTTP

/// The request headers a handler reads (`ServerConfiguration.readHeaders`), looked up
/// in libmicrohttpd's own list at the final handler call instead of copying every
/// header: a request carries a few headers the service never reads (Host,
/// Content-Type, Content-Length, User-Agent, …) and usually none of the ones it does.
///
/// The names are kept in memory of their own for the server's life, so a lookup
/// touches no reference count shared by the worker threads.
final class HeaderNames: Sendable {
    /// Each name's bytes and length (not NUL-terminated: the lookup takes a length).
    private typealias Name = (start: UnsafePointer<CChar>, count: Int)
    nonisolated(unsafe) private let names: UnsafeMutableBufferPointer<Name>
    nonisolated(unsafe) private let bytes: UnsafeMutablePointer<CChar>
    #if DEBUG
        /// The names as given: debug builds check every lookup the handler makes against them.
        private let list: [String]
    #endif

    init(_ list: [String]) {
        #if DEBUG
            self.list = list
        #endif
        bytes = .allocate(capacity: max(1, list.reduce(0) { $0 + $1.utf8.count }))
        names = .allocate(capacity: list.count)
        var at = 0
        for (index, name) in list.enumerated() {
            let start = at
            for byte in name.utf8 {
                bytes[at] = CChar(bitPattern: byte)
                at += 1
            }
            names.initializeElement(at: index, to: (UnsafePointer(bytes + start), at - start))
        }
    }

    deinit {
        names.deallocate()
        bytes.deallocate()
    }

    /// The named headers `connection` carries (the first of each name), in the list's
    /// order; no allocation when it carries none.
    func lookUp(in connection: OpaquePointer) -> HeaderFields {
        // A found name is looked up again to copy its value once the room is known: most
        // requests carry none, and keeping the values found on the stack instead cost
        // those about 80 instructions more.
        var found = 0
        var room = 0
        for name in names {
            var size = 0
            if MHD_lookup_connection_value_n(connection, .HEADER_KIND, name.start, name.count, nil, &size) == .YES {
                found += 1
                room += 8 + name.count + size
            }
        }
        guard found > 0 else { return handedOver(HeaderFields()) }
        let fields = HeaderFields(capacity: room) { writer in
            for name in names {
                var value: UnsafePointer<CChar>?
                var size = 0
                guard
                    MHD_lookup_connection_value_n(connection, .HEADER_KIND, name.start, name.count, &value, &size)
                        == .YES
                else { continue }
                writer.append(
                    name: UnsafeRawBufferPointer(start: name.start, count: name.count),
                    value: UnsafeRawBufferPointer(start: value, count: value == nil ? 0 : size))
            }
        }
        return handedOver(fields)
    }

    /// `fields` as all the handler gets: debug builds stop at a lookup of another name.
    private func handedOver(_ fields: HeaderFields) -> HeaderFields {
        #if DEBUG
            fields.selecting(list)
        #else
            fields
        #endif
    }
}
