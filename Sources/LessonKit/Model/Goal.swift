/// A goal of an exercise: a claim the lesson states about the exercise (`claim:NAME`), which
/// its solution (or a reader's answer) must meet, and which is judged on its starter too,
/// where missing at least one goal is the starter's purpose.
public struct Goal: Sendable, Hashable {
  /// The exercise's name.
  public var exercise: String
  /// The claim as the lesson states it, measuring the solution: one of the lesson's claims.
  public var claim: Claim
  /// The same claim measuring the exercise's starter.
  public var onStarter: Claim

  public init(exercise: String, claim: Claim, onStarter: Claim) {
    self.exercise = exercise
    self.claim = claim
    self.onStarter = onStarter
  }

  /// A goal stated as `claim`, judged on the starter as the same claim measuring it.
  public init(exercise: String, claim: Claim) {
    self.init(
      exercise: exercise, claim: claim,
      onStarter: claim.measuring(Exercise.starterName(of: exercise)))
  }

  /// What a hint's `for=` may name for it: its labels, or `time` for a wall time.
  public var names: [String] { claim.goalNames }
}
