import Foundation
import Testing

/// scripts/setup.sh's plans (issue #23 item 4): Homebrew on macOS, apt-get on Debian.
/// No Mac is at hand, so `--dry-run --os macos` prints what it would run there, and these
/// tests read that plan; `--fresh` plans as on a machine that has nothing yet.
@Suite struct SetupPlanTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `+ …` lines (the commands) of a dry run, and its exit status.
    static func plan(_ arguments: [String], script: URL = root.appendingPathComponent("scripts/setup.sh")) throws
        -> (commands: [String], output: String, status: Int32)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", script.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: bytes, as: UTF8.self)
        let commands = text.split(separator: "\n").filter { $0.hasPrefix("+ ") }.map { String($0.dropFirst(2)) }
        return (commands, text, process.terminationStatus)
    }

    /// The words of the first command that contains `part`.
    static func words(of commands: [String], containing part: String) -> Set<Substring>? {
        commands.first { $0.contains(part) }.map { Set($0.split(separator: " ")) }
    }

    @Test func macOSUsesHomebrewAndLeavesOutTheLinuxOnlyTools() throws {
        let (commands, output, status) = try Self.plan(["--dry-run", "--fresh", "--os", "macos"])
        #expect(status == 0, "\(output)")
        let brew = try #require(Self.words(of: commands, containing: "brew install"), "\(output)")
        #expect(brew.isSuperset(of: ["libmicrohttpd", "pkg-config", "python"]))
        // clients/js: node for its tests, tsc for its examples, under their formula names.
        #expect(brew.isSuperset(of: ["node", "typescript"]))
        // The README's console examples (scripts/check-readme.py) pipe through jq.
        #expect(brew.contains("jq"))
        #expect(!commands.contains { $0.contains("apt-get") || $0.contains("(as root)") }, "\(output)")
        // The cluster (nginx) and browser (Chromium) checks are Linux-only.
        #expect(!commands.contains { $0.contains("nginx") || $0.contains("chromium") })
        #expect(commands.contains("python3 -m venv .venv"))
        #expect(commands.contains { $0.hasPrefix(".venv/bin/pip install") && $0.hasSuffix("scripts/requirements.txt") })
    }

    @Test func debianUsesAptGet() throws {
        let (commands, output, status) = try Self.plan(["--dry-run", "--fresh", "--os", "debian"])
        #expect(status == 0, "\(output)")
        let apt = try #require(Self.words(of: commands, containing: "apt-get install"), "\(output)")
        #expect(apt.isSuperset(of: ["apt-get", "install", "libmicrohttpd-dev", "pkg-config", "python3-venv", "nginx"]))
        #expect(apt.isSuperset(of: ["chromium", "chromium-driver"]))
        #expect(apt.isSuperset(of: ["nodejs", "node-typescript"]))
        #expect(apt.contains("jq"))
        #expect(commands.contains { $0.hasSuffix("apt-get update -qq") })
        #expect(!commands.contains { $0.hasPrefix("brew") })
        #expect(commands.contains("python3 -m venv .venv"))
    }

    @Test func runNeedsOnlyTheLibraryAndPkgConfig() throws {
        let mac = try Self.plan(["--dry-run", "--fresh", "--os", "macos", "--run"])
        #expect(mac.commands == ["brew install pkg-config libmicrohttpd"], "\(mac.output)")
        let debian = try Self.plan(["--dry-run", "--fresh", "--os", "debian", "--run"])
        #expect(debian.commands.last?.hasSuffix("--no-install-recommends pkg-config libmicrohttpd-dev") == true)
        #expect(!debian.commands.contains { $0.contains("venv") })
    }

    @Test func theBrewFormulaIsTheOnePackageSwiftNames() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains(#".brew(["libmicrohttpd"])"#))
        #expect(manifest.contains(#".apt(["libmicrohttpd-dev"])"#))
        let (commands, _, _) = try Self.plan(["--dry-run", "--fresh", "--os", "macos", "--run"])
        #expect(Self.words(of: commands, containing: "brew install")?.contains("libmicrohttpd") == true)
    }

    @Test func benchIsLinuxOnlyAndBadArgumentsAreRefused() throws {
        let bench = try Self.plan(["--dry-run", "--os", "macos", "--bench"])
        #expect(bench.status != 0)
        #expect(bench.output.contains("Linux-only"))
        #expect(try Self.plan(["--dry-run", "--os", "windows"]).status == 2)
        #expect(try Self.plan(["--fresh"]).status == 2)
    }

    /// A dry run runs nothing: in an empty checkout it plans the venvs and makes none.
    @Test func aDryRunRunsNothing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("setup-plan-\(UUID().uuidString)")
        let scripts = directory.appendingPathComponent("scripts")
        try FileManager.default.createDirectory(at: scripts, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = scripts.appendingPathComponent("setup.sh")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("scripts/setup.sh"), to: copy)
        let (commands, output, status) = try Self.plan(["--dry-run"], script: copy)
        #expect(status == 0, "\(output)")
        #expect(commands.contains("python3 -m venv .venv"), "\(output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["scripts"])
    }
}
