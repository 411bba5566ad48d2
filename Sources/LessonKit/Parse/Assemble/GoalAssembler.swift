/// Each exercise's goals and hints: checks them, and gives each exercise its hints; its goals
/// wait in `ParseState.goals` until the claims are complete (`attachGoals`).
enum GoalAssembler {
  static func complete(examples: [Example], _ state: inout ParseState) -> [Exercise] {
    let names = Set(state.exercises.map(\.name))
    let starters = Dictionary(
      state.exercises.map { ($0.starterName, $0.name) }, uniquingKeysWith: { a, _ in a })
    for (index, claim) in state.claims.enumerated() {
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
      state.goals.append(
        PendingGoal(
          exercise: exercise, claim: index,
          onStarter: claim.measuring(Exercise.starterName(of: exercise))))
    }

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
        var known = state.goals(of: exercise.name).flatMap { state.claims[$0.claim].goalNames }
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
        !state.goals(of: exercise.name).isEmpty
        || solution.expectedOutput != nil || solution.expectedStderr != nil
        || solution.expectedEnding != nil
      if !hasGoal { state.error(.exerciseHasNoGoal(exercise.name), at: exercise.location) }
    }
    return complete
  }

  /// Gives each exercise its goals, from the claims as they are complete.
  static func attachGoals(to exercises: inout [Exercise], _ state: ParseState) {
    for i in exercises.indices {
      exercises[i].goals = state.goals(of: exercises[i].name).map {
        Goal(exercise: $0.exercise, claim: state.claims[$0.claim], onStarter: $0.onStarter)
      }
    }
  }
}

/// A goal found among the claims: the exercise, the index of its claim, and the claim judged
/// on the starter.
struct PendingGoal {
  var exercise: String
  var claim: Int
  var onStarter: Claim
}

extension ParseState {
  func goals(of exercise: String) -> [PendingGoal] { goals.filter { $0.exercise == exercise } }
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
