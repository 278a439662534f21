// Entry point only. Top-level code here is @MainActor: a C callback touching a
// global of this file dies with SIGILL on libmicrohttpd's threads ([MHD]), so
// everything else lives in other files.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

exit(Lifecycled.main(arguments: Array(CommandLine.arguments.dropFirst())))
