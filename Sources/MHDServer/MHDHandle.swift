/// A libmicrohttpd object the bridge's threads share: the running daemon, or a
/// suspended connection (`ParkedRequest`).
///
/// Unchecked sendability: the C library makes it true. On a daemon the bridge calls only
/// `MHD_add_connection`, `MHD_get_daemon_info` (through `lcd_daemon_connections`) and
/// `MHD_stop_daemon`; on a suspended connection only `MHD_resume_connection`.
/// libmicrohttpd allows each of these from any thread; the `OpaquePointer` itself is
/// not `Sendable`.
struct MHDHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}
