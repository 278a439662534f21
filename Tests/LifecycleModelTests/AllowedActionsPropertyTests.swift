import LifecycleModel
import Testing

/// Issue #22: every kind lists its own variants, and `allowedActions` and the searches'
/// plain actions both come from them. Over random walks on several configs, a kind is
/// listed exactly when one of its variants is accepted, and an accepted random action
/// of a kind (with members drawn freely) is never of a kind left out.
@Suite struct AllowedActionsPropertyTests {
    static let configs: [(String, Simulator)] = [
        ("11.0 sceneless", appSimulator("11.0") { $0.backgroundModes = [.fetch, .remoteNotification] }),
        ("17.0 scene", sceneSimulator("17.0") { $0.stateRestoration = true }),
        ("17.0 iPad, several windows", iPadSimulator()),
        ("17.0 SwiftUI", sceneSimulator("17.0") { $0.ui = .swiftUI }),
        ("18.0 tabs", sceneSimulator("18.0") { $0.tabs = ["home", "search"] }),
        (
            "17.0 background tasks registered",
            sceneSimulator("17.0") {
                $0.backgroundModes = [.fetch, .processing]
                $0.backgroundTasks = [
                    .init(identifier: "com.example.clean", kind: .processing),
                    .init(identifier: "com.example.refresh", kind: .appRefresh),
                ]
            }
        ),
    ]

    @Test(arguments: 0..<configs.count)
    func aKindIsListedExactlyWhenOneOfItsVariantsIsAccepted(_ index: Int) throws {
        let (name, sim) = Self.configs[index]
        var listedSomewhere = Set<ActionKind>()
        for seed in propertySeeds(6) {
            var rng = SplitMix64(seed: UInt64(seed * 17 + index))
            var state = AppSnapshot()
            for step in 0..<120 {
                let allowed = sim.allowedActions(in: state)
                for kind in ActionKind.allCases {
                    let variants = sim.variants(of: kind, in: state)
                    #expect(variants.allSatisfy { $0.action.kind == kind }, "\(name): \(kind)")
                    let accepted = variants.contains { (try? sim.apply($0.action, to: state)) != nil }
                    #expect(
                        allowed.contains(kind) == accepted,
                        "\(name) seed \(seed) step \(step): \(kind) listed \(allowed.contains(kind)), a variant accepted \(accepted)"
                    )
                }
                listedSomewhere.formUnion(allowed)
                // allowedVariants: a kind of member-valued variants is listed with exactly
                // the values accepted, when some are and some are not.
                let partial = Dictionary(uniqueKeysWithValues: sim.allowedVariants(in: state).map { ($0.kind, $0) })
                for kind in ActionKind.allCases {
                    let variants = sim.variants(of: kind, in: state)
                    guard let member = variants.first?.choice?.member else {
                        #expect(partial[kind] == nil, "\(name): \(kind) has no member-valued variants")
                        continue
                    }
                    let accepted = variants.filter { (try? sim.apply($0.action, to: state)) != nil }.compactMap(
                        \.choice?.value)
                    let expected =
                        accepted.isEmpty || accepted.count == variants.count
                        ? nil : AllowedVariants(kind: kind, member: member, values: accepted)
                    #expect(partial[kind] == expected, "\(name) seed \(seed) step \(step): \(kind)")
                }
                // A random action of a random kind: accepted means its kind is listed
                // (moveTo, which has no variants, aside).
                let kind = ActionKind.allCases[rng.next(below: ActionKind.allCases.count)]
                let action = kind.random(using: &rng, in: state)
                if let out = try? sim.apply(action, to: state) {
                    #expect(
                        kind == .moveTo || allowed.contains(kind),
                        "\(name) seed \(seed) step \(step): \(action) accepted in \(state.app), \(kind) not listed")
                    state = out.state
                } else if let pick = allowed.filter({ $0 != .advanceTime }).randomElement(using: &rng),
                    let v = sim.variants(of: pick, in: state).first(where: {
                        (try? sim.apply($0.action, to: state)) != nil
                    })
                {
                    // Keep moving: one of the listed kinds' accepted variants.
                    state = try sim.apply(v.action, to: state).state
                }
            }
        }
        #expect(listedSomewhere.count > 10, "\(name): \(listedSomewhere.count) kinds ever listed")
    }

    /// The fix the variants bring: a locked app in the background cannot be swiped
    /// away by the user, yet the system can end it, so `terminate` is listed.
    @Test func aLockedAppInTheBackgroundListsTerminate() throws {
        for sim in [appSimulator("11.0"), sceneSimulator("17.0")] {
            let locked = try sim.run([.launch, .lock]).state
            #expect(locked.app == .background || locked.app == .suspended)
            #expect(throws: ActionRefusal.self) { try sim.apply(.terminate(by: .user), to: locked) }
            let byTheSystem = try sim.apply(.terminate(by: .system), to: locked)
            #expect(byTheSystem.state.app == .notRunning)
            #expect(sim.allowedActions(in: locked).contains(.terminate))
            // …and allowedVariants says which: by the system only.
            #expect(
                sim.allowedVariants(in: locked) == [AllowedVariants(kind: .terminate, member: "by", values: ["system"])]
            )
            #expect(sim.choice(of: .terminate(by: .user)) == VariantChoice(member: "by", value: "user"))
            #expect(sim.choice(of: .launch) == nil)
            #expect(sim.allowedVariants(in: try sim.run([.launch]).state) == [])
        }
    }

    @Test func plainActionsAreTheVariantsOfThePlainKinds() throws {
        let sim = iPadSimulator()
        let state = try sim.run([.launch, .openScene(by: .system), .beginBackgroundTask(name: nil)]).state
        let expected = ActionKind.allCases.filter(\.isPlain).flatMap { kind in
            sim.variants(of: kind, in: state).filter(\.isPlain).map { PlainAction(label: $0.label, action: $0.action) }
        }
        #expect(sim.plainActions(in: state) == expected)
        let labels = sim.plainActions(in: state).map(\.label)
        for label in [
            "terminate by=user", "terminate by=system", "openScene by=system", "activateScene scene=#2",
            "closeScene scene=#1", "endBackgroundTask",
            // The quarter turn, and the turns that give the half turns (issue #38).
            "rotate other portrait", "rotate", "rotate other landscape",
        ] {
            #expect(labels.contains(label), "\(label)")
        }
        // runBackgroundTask is plain since issue #38, with a variant per registered
        // task: this config registers none.
        #expect(ActionKind.runBackgroundTask.isPlain)
        #expect(!labels.contains { $0.hasPrefix("runBackgroundTask") })
        for kind in [ActionKind.moveTo, .backgroundURLSessionEvents, .prewarm] {
            #expect(!kind.isPlain)
            #expect(!labels.contains { $0.hasPrefix(kind.rawValue) }, "\(kind)")
        }
        // Time passing with nothing due is allowed but no step of a search.
        let active = try sim.run([.launch]).state
        #expect(sim.allowedActions(in: active).contains(.advanceTime))
        #expect(!sim.plainActions(in: active).contains { $0.action.kind == .advanceTime })
    }
}
