import Testing

@testable import LessonKit

/// An exercise's goals are its own: each a claim as stated, judged on the solution, and the
/// same claim measuring the starter.
@Suite struct GoalTests {
  static let twoExercises = """
    # Two exercises

    \(fence)swift example=a starter
    print(1)
    \(fence)

    \(fence)swift example=a solution
    print(2)
    \(fence)

    \(fence)swift example=b starter platforms=linux
    print(1)
    \(fence)

    \(fence)swift example=b solution
    print(2)
    \(fence)

    First [about 1 s](claim:a), then [under 2 s](claim:b), then [at most 3 s](claim:a).

    And [about 1 s](claim:other).

    \(fence)swift example=other
    print(3)
    \(fence)
    """

  @Test func eachExerciseHoldsItsGoalsInTheLessonsOrder() throws {
    let l = try lesson(Self.twoExercises)
    let a = try #require(l.exercise(named: "a"))
    let b = try #require(l.exercise(named: "b"))
    #expect(a.goals.map(\.claim.text) == ["about 1 s", "at most 3 s"])
    #expect(b.goals.map(\.claim.text) == ["under 2 s"])
    #expect(a.goals.map(\.onStarter.target) == ["a-starter", "a-starter"])
    // The lesson's claims are the stated ones; a goal on a starter is not one of them.
    #expect(l.claims.map(\.target) == ["a", "b", "a", "other"])
  }

  @Test func theJudgeMeasuresTheStatedClaimsThenEachGoalOnItsStarterInOrder() throws {
    let l = try lesson(Self.twoExercises)
    #expect(
      l.judgedClaims.map(\.claim.target) == [
        "a", "b", "a", "other", "a-starter", "b-starter", "a-starter",
      ])
    #expect(l.judgedClaims.map(\.goalOfStarter) == [nil, nil, nil, nil, "a", "b", "a"])
  }

  @Test func aGoalOnTheStarterHasTheStartersSettingsAndPlatforms() throws {
    let l = try lesson(Self.twoExercises)
    let goal = try #require(l.exercise(named: "b")?.goals.first)
    // Settings are the exercise's: given on the starter, they apply to both versions.
    #expect(goal.claim.platforms == [.linux])
    #expect(goal.onStarter.platforms == [.linux])
    #expect(goal.onStarter.settings == ["default"])
  }

  @Test func aGoalMadeFromAClaimMeasuresTheStarterWithTheSameLabels() throws {
    let claim = try #require(
      try lesson(
        "# T\n\n\(fence)swift example=x starter\nprint(1)\n\(fence)\n\n\(fence)swift example=x solution\nprint(1)\n\(fence)\n\n[at most 1 s](claim:x@took)\n"
      ).claims.first)
    let goal = Goal(exercise: "x", claim: claim)
    #expect(goal.onStarter.target == "x-starter@took")
    #expect(goal.names == ["took"])
  }
}
