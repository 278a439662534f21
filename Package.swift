// swift-tools-version:6.0
// lifecycled: an HTTP service that simulates the iOS app life cycle.
// Layers, each a target: LifecycleModel (pure model) → LifecycleService (routing,
// JSON, errors, session store; no sockets) → MHDServer (thin libmicrohttpd bridge)
// → lifecycled (flags, signals). ServiceHTTP is the request/response vocabulary the
// service and the bridge share, so neither depends on the other. LifecycledClient and
// LifecycledTestSupport are the Swift client and its test helper: Foundation only, nothing
// of the server, so a build of them alone never needs libmicrohttpd.
import PackageDescription

let package = Package(
    name: "lifecycled",
    // macOS 15: the server's locks are Synchronization's `Mutex` (the client alone would
    // need only macOS 12, for URLSession's async methods). Linux ignores this.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lifecycled", targets: ["lifecycled"]),
        .library(name: "LifecycleModel", targets: ["LifecycleModel"]),
        // The Swift client (URLSession, async/await) and a helper that runs a local
        // lifecycled for a test; for an app's macOS test target (README "Swift client").
        // Static, not automatic: only then can `swift build --product LifecycledClient` build
        // the client alone (an automatic product is not buildable by name).
        .library(name: "LifecycledClient", type: .static, targets: ["LifecycledClient"]),
        .library(name: "LifecycledTestSupport", type: .static, targets: ["LifecycledTestSupport"]),
        // The model micro-benchmark of `make bench` (bench/run.sh): the model alone, no HTTP.
        .executable(name: "lifecycled-model-bench", targets: ["ModelBench"]),
        // The service layer alone (no sockets), for bench/PROFILE.md's before/after figures.
        .executable(name: "lifecycled-service-bench", targets: ["ServiceBench"]),
    ],
    targets: [
        .target(name: "LifecycleModel"),
        // Renders docs/model.md from the model; used by the tests and `make docs`, not shipped.
        .target(name: "ModelReference", dependencies: ["LifecycleModel"]),
        .target(name: "ServiceHTTP"),
        // openapi.yaml stays at the top level; Contract/openapi.yaml links to it, and
        // embedInCode compiles its bytes into the binary (`GET /openapi.yaml`, no bundle to ship).
        .target(
            name: "LifecycleService",
            dependencies: ["LifecycleModel", "ServiceHTTP"],
            resources: [.embedInCode("Contract/openapi.yaml")]
        ),
        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"]), .brew(["libmicrohttpd"])]
        ),
        .target(name: "MHDServer", dependencies: ["CMicroHTTPD", "ServiceHTTP"]),
        .executableTarget(name: "lifecycled", dependencies: ["LifecycleService", "MHDServer"]),
        .target(name: "LifecycledClient"),
        .target(name: "LifecycledTestSupport", dependencies: ["LifecycledClient"]),
        .executableTarget(name: "ModelBench", dependencies: ["LifecycleModel"]),
        .executableTarget(name: "ServiceBench", dependencies: ["LifecycleModel", "LifecycleService", "ServiceHTTP"]),
        // libFuzzer entry point; build it only with -sanitize=fuzzer (make fuzz), which supplies main.
        .executableTarget(name: "lifecycled-fuzz", dependencies: ["LifecycleService"]),
        // Fixtures live in Tests/Fixtures, shared by the test targets and read by path.
        .testTarget(name: "LifecycleModelTests", dependencies: ["LifecycleModel", "ModelReference"]),
        .testTarget(name: "LifecycleServiceTests", dependencies: ["LifecycleService"]),
        .testTarget(name: "LifecycledServerTests", dependencies: ["LifecycleService", "MHDServer"]),
        // LifecycleModel only to check the client's tables against the model (UIKitNotificationNameTests).
        .testTarget(
            name: "LifecycledClientTests",
            dependencies: ["LifecycledClient", "LifecycledTestSupport", "LifecycleModel"]),
    ],
    swiftLanguageModes: [.v6]
)
