// swift-tools-version:6.0
// lifecycled: an HTTP service that simulates the iOS app life cycle.
// Layers, each a target: LifecycleModel (pure model) → LifecycleService (routing,
// JSON, errors, session store; no sockets) → MHDServer (thin libmicrohttpd bridge)
// → lifecycled (flags, signals). ServiceHTTP is the request/response vocabulary the
// service and the bridge share, so neither depends on the other.
import PackageDescription

let package = Package(
    name: "lifecycled",
    products: [
        .executable(name: "lifecycled", targets: ["lifecycled"]),
        .library(name: "LifecycleModel", targets: ["LifecycleModel"]),
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
            providers: [.apt(["libmicrohttpd-dev"])]
        ),
        .target(name: "MHDServer", dependencies: ["CMicroHTTPD", "ServiceHTTP"]),
        .executableTarget(name: "lifecycled", dependencies: ["LifecycleService", "MHDServer"]),
        .executableTarget(name: "ModelBench", dependencies: ["LifecycleModel"]),
        .executableTarget(name: "ServiceBench", dependencies: ["LifecycleService", "ServiceHTTP"]),
        // libFuzzer entry point; build it only with -sanitize=fuzzer (make fuzz), which supplies main.
        .executableTarget(name: "lifecycled-fuzz", dependencies: ["LifecycleService"]),
        // Fixtures live in Tests/Fixtures, shared by the test targets and read by path.
        .testTarget(name: "LifecycleModelTests", dependencies: ["LifecycleModel", "ModelReference"]),
        .testTarget(name: "LifecycleServiceTests", dependencies: ["LifecycleService"]),
        .testTarget(name: "LifecycledServerTests", dependencies: ["LifecycleService", "MHDServer"]),
    ],
    swiftLanguageModes: [.v6]
)
