/// A running libmicrohttpd daemon, as the bridge's threads share it.
///
/// Unchecked sendability: the C library makes it true. The bridge calls only
/// `MHD_add_connection`, `MHD_get_daemon_info` (through `lcd_daemon_connections`) and
/// `MHD_stop_daemon` on it, which libmicrohttpd allows from any thread; the
/// `OpaquePointer` itself is not `Sendable`.
struct DaemonHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}
