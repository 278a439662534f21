import Foundation
import LifecycleModel
import Testing

/// Each action kind's home agrees with itself and with openapi.yaml.
@Suite struct ActionDefinitionTests {
    static let openAPIPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("openapi.yaml")

    /// The lines of a top-level schema (`    Name:` up to the next one).
    private static func schema(_ name: String, in lines: [Substring]) -> [Substring]? {
        guard let start = lines.firstIndex(of: Substring("    \(name):")) else { return nil }
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("    ") && !$0.hasPrefix("     ") } ?? lines.endIndex
        return Array(lines[start..<end])
    }

    @Test(arguments: ActionKind.allCases)
    func everyKindIsInOpenAPI(_ kind: ActionKind) throws {
        let text = try String(contentsOf: Self.openAPIPath, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let actionType = try #require(Self.schema("ActionType", in: lines), "openapi.yaml has no ActionType schema")
            .joined(separator: " ")
        #expect(
            actionType.contains(" \(kind.rawValue),") || actionType.contains(" \(kind.rawValue)]")
                || actionType.contains("[\(kind.rawValue),"),
            "openapi.yaml: ActionType does not list \(kind.rawValue)")
        let name = kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst() + "Action"
        #expect(
            lines.contains(Substring("          \(kind.rawValue): \"#/components/schemas/\(name)\"")),
            "openapi.yaml: the Action discriminator does not map \(kind.rawValue) to \(name)")
        let block = try #require(Self.schema(name, in: lines), "openapi.yaml has no \(name) schema")
        #expect(
            block.contains(Substring("          const: \(kind.rawValue)")),
            "openapi.yaml: \(name).type is not const \(kind.rawValue)")
        for parameter in kind.parameters {
            #expect(
                block.contains(Substring("        \(parameter):")), "openapi.yaml: \(name) has no property \(parameter)"
            )
        }
    }

    static let contractPath = openAPIPath.deletingLastPathComponent().appendingPathComponent("docs/api-contract.md")

    /// docs/api-contract.md's action tables (`| type | parameters | meaning |`) name
    /// real kinds, each row with every member its kinds take. The contract may list
    /// fewer kinds than the service has (it promises a core; openapi.yaml lists all).
    @Test func theContractsActionTablesAgreeWithTheKinds() throws {
        let text = try String(contentsOf: Self.contractPath, encoding: .utf8)
        var inActionTable = false
        var named: Set<ActionKind> = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("| type | parameters |") {
                inActionTable = true
                continue
            }
            guard inActionTable, line.hasPrefix("|") else {
                inActionTable = false
                continue
            }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 4, !cells[1].hasPrefix("---") else { continue }
            let types = cells[1].split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
            for type in types {
                let name = type.trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                let kind = try #require(ActionKind(rawValue: name), "docs/api-contract.md names \(type), not a kind")
                named.insert(kind)
                for parameter in kind.parameters {
                    #expect(
                        cells[2].contains("`\(parameter)`"),
                        "docs/api-contract.md: the row of \(name) does not name its member \(parameter)")
                }
                if kind.parameters.isEmpty && types.count == 1 {
                    #expect(cells[2] == "—", "docs/api-contract.md: \(name) takes no members")
                }
            }
        }
        #expect(named.count > 20, "docs/api-contract.md's action tables were not found")
    }

    @Test(arguments: ActionKind.allCases)
    func examplesAndRandomActionsAreOfTheirKind(_ kind: ActionKind) {
        var rng = SplitMix64(seed: 7)
        for state in [AppSnapshot(), AppSnapshot(app: .active)] {
            for _ in 0..<20 { #expect(kind.random(using: &rng, in: state).kind == kind) }
        }
        #expect(!kind.examples.isEmpty)
        for example in kind.examples {
            #expect(example.action.kind == kind)
            // An action's members are the ones its kind declares.
            #expect(example.action.members.allSatisfy { kind.parameters.contains($0.key) })
        }
        #expect(!kind.rule.summary.isEmpty && !kind.rule.sources.isEmpty)
    }

    @Test func allowedActionsAskEveryKind() {
        // A fresh scene-less app: the kinds the simulator accepts from notRunning.
        let sim = appSimulator("17.0") { $0.backgroundModes = [.fetch] }
        let allowed = sim.allowedActions(in: AppSnapshot())
        #expect(allowed.contains(.launch) && allowed.contains(.backgroundFetch) && !allowed.contains(.background))
        #expect(
            allowed.allSatisfy {
                (try? sim.apply($0.examples[0].action, to: AppSnapshot())) != nil || $0 == .endBackgroundTask
            })
    }
}
