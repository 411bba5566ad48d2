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

  @Test func anExampleThatAsksRunsAlone() throws {
    var lesson = try lesson()
    lesson.examples[0].runsAlone = true
    let shares = ["nap": 0.01, "doze": 0.01, "spin": 0.01, "pair": 0.01, "split": 0.01]
    let alone = Engine.mustRunAlone(lesson, cpuShares: shares, waitingShare: 0.25)
    #expect(alone == ["nap", "split"])
  }
}
