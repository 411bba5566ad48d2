/// Each exercise's goals and hints: checks them, gives each exercise its hints, and adds its
/// goals judged on its starter to the claims.
enum GoalAssembler {
  static func complete(examples: [Example], _ state: inout ParseState) -> [Exercise] {
    let names = Set(state.exercises.map(\.name))
    let starters = Dictionary(
      state.exercises.map { ($0.starterName, $0.name) }, uniquingKeysWith: { a, _ in a })
    var starterClaims: [Claim] = []
    for claim in state.claims {
      if let starter = claim.examples.first(where: { starters[$0] != nil }),
        let exercise = starters[starter]
      {
        state.error(.goalNamesStarter(claim.text, exercise), at: claim.location)
        continue
      }
      let named = claim.examples.filter(names.contains)
      guard let exercise = named.first else { continue }
      if claim.examples.count > 1 {
        state.error(.goalComparesExercise(claim.text, exercise), at: claim.location)
        continue
      }
      var starterClaim = claim.measuring(Exercise.starterName(of: exercise))
      starterClaim.ofStarter = true
      starterClaims.append(starterClaim)
    }
    state.claims += starterClaims

    var complete = state.exercises
    for hint in state.hintBlocks {
      guard let index = complete.firstIndex(where: { $0.name == hint.exercise }) else {
        if state.broken.examples.contains(hint.exercise) { continue }
        state.error(
          examples.contains(where: { $0.name == hint.exercise })
            ? .hintForExample(hint.exercise) : .hintForNoExercise(hint.exercise), at: hint.nameAt)
        continue
      }
      let exercise = complete[index]
      if let goal = hint.goal {
        let solution = examples.first { $0.name == exercise.name }
        var known = state.claims.filter { $0.isGoal(of: exercise.name) }.flatMap(\.goalNames)
        if solution?.expectedOutput != nil { known.append("output") }
        if solution?.expectedStderr != nil { known.append("stderr") }
        known.append("exit")
        if !known.contains(goal.value) {
          let list = Array(Set(known)).sorted().joined(separator: ", ")
          state.error(.hintForNoGoal(goal.value, exercise.name, goals: list), at: goal.at)
          continue
        }
      }
      complete[index].hints.append(hint.hint)
    }
    for exercise in complete {
      guard let solution = examples.first(where: { $0.name == exercise.name }) else { continue }
      let hasGoal =
        state.claims.contains(where: { $0.isGoal(of: exercise.name) })
        || solution.expectedOutput != nil || solution.expectedStderr != nil
        || solution.expectedEnding != nil
      if !hasGoal { state.error(.exerciseHasNoGoal(exercise.name), at: exercise.location) }
    }
    return complete
  }
}

extension Message {
  static func goalNamesStarter(_ text: String, _ exercise: String) -> Message {
    Message(
      "lesson.goal.names-starter",
      "claim '\(text)' names the starter of exercise '\(exercise)': a goal names the exercise, claim:\(exercise), and is judged on its starter and its solution both"
    )
  }

  static func goalComparesExercise(_ text: String, _ exercise: String) -> Message {
    Message(
      "lesson.goal.compares-exercise",
      "claim '\(text)' compares exercise '\(exercise)' with another example: a goal measures the exercise alone, so that the reader's answer can be judged on its own"
    )
  }

  static func hintForExample(_ name: String) -> Message {
    Message(
      "lesson.hint.for-example",
      "hint for '\(name)', which is an example, not an exercise: hints belong to exercises (blocks that say starter or solution)"
    )
  }

  static func hintForNoExercise(_ name: String) -> Message {
    Message(
      "lesson.hint.no-such-exercise",
      "hint for exercise '\(name)', which no swift block defines")
  }

  static func hintForNoGoal(_ goal: String, _ exercise: String, goals: String) -> Message {
    Message(
      "lesson.hint.no-such-goal",
      "hint for '\(goal)', which is not a goal of exercise '\(exercise)'; its goals are \(goals)")
  }

  static func exerciseHasNoGoal(_ name: String) -> Message {
    Message(
      "lesson.exercise.no-goal",
      "exercise '\(name)' has no goal: state one as a claim, [about 1 s](claim:\(name)), or with an output block, output example=\(name)"
    )
  }
}
