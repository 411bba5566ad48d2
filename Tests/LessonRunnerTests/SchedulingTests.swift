import LessonKit
import Testing

@testable import LessonRun

/// Which runs may share the machine: decided from measured CPU shares, never guessed.
@Suite struct SchedulingTests {
  func lesson() throws -> Lesson {
    try LessonParser.parse(
      source: """
        # Scheduling

        ```swift example=nap
        print(1)
        ```

        ```swift example=doze
        print(2)
        ```

        ```swift example=spin
        print(3)
        ```

        ```swift example=pair
        print(4)
        ```

        ```swift example=split
        print(5)
        ```

        [About 1 s](claim:nap). [About 1 s](claim:doze). [About 1 s](claim:spin).
        [About twice as long](claim:pair/spin). [About 1 s](claim:split "needs 2 cores").
        """, path: "lessons/06-scheduling.md", fileName: "06-scheduling.md")
  }

  @Test func waitingRunsShareAndTheRestRunAlone() throws {
    let shares = ["nap": 0.01, "doze": 0.02, "spin": 0.98, "pair": 0.01, "split": 0.01]
    let alone = Engine.mustRunAlone(try lesson(), cpuShares: shares, waitingShare: 0.25)
    // spin uses a core; pair is compared with it; split's claim needs cores.
    #expect(alone == ["spin", "pair", "split"])
  }

  @Test func anExampleNeverMeasuredRunsAlone() throws {
    let alone = Engine.mustRunAlone(
      try lesson(), cpuShares: ["nap": 0.01, "spin": 0.01, "pair": 0.01], waitingShare: 0.25)
    #expect(alone == ["doze", "split"])
  }

  @Test func eachDecisionSaysWhy() throws {
    let shares = ["nap": 0.04, "spin": 0.98, "pair": 0.01, "split": 0.01]
    let plan = Engine.schedule(try lesson(), cpuShares: shares, waitingShare: 0.25)
    #expect(
      plan["nap"]
        == Schedule(sideBySide: true, reason: "mostly waits: CPU 4% of its wall time, at most 25%"))
    #expect(
      plan["doze"]
        == Schedule(sideBySide: false, reason: "never measured: its CPU share is not known yet"))
    #expect(
      plan["spin"]
        == Schedule(sideBySide: false, reason: "uses the cores: CPU 98% of its wall time, over 25%")
    )
    #expect(
      plan["pair"]
        == Schedule(sideBySide: false, reason: "compared in a claim with 'spin', which runs alone"))
    #expect(plan["split"] == Schedule(sideBySide: false, reason: "a claim about it needs 2 cores"))
  }

  @Test func lanesKeepRunsSideBySideWithinTheirCPUBudget() {
    let lanes = Lanes(count: 3, budget: 0.5)
    #expect(lanes.tryEnter(share: 0.3))
    #expect(lanes.tryEnter(share: 0.2))
    // A third run of 0.1 would take the lanes to 0.6 cores.
    #expect(!lanes.tryEnter(share: 0.1))
    lanes.leave(share: 0.3)
    #expect(lanes.tryEnter(share: 0.1))
    #expect(lanes.tryEnter(share: 0.05))
    // Three lanes at most, however little the runs use.
    #expect(!lanes.tryEnter(share: 0.01))
    lanes.leave(share: 0.2)
    lanes.leave(share: 0.1)
    lanes.leave(share: 0.05)
    // A run larger than the whole budget still gets the machine once it is empty, alone.
    #expect(lanes.tryEnter(share: 2))
    #expect(!lanes.tryEnter(share: 0.01))
  }
}
