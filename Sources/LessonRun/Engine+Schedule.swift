import Foundation
import LessonKit

// Scheduling: which runs share the machine, from what earlier runs measured.
extension Engine {
  /// The median wall time of the example's earlier successful runs of the same code.
  func typicalWall(_ example: Example, in job: Job) -> Double? {
    median(earlierRuns(of: example, in: job).map(\.wallSeconds))
  }

  /// Successful runs of the example's current code: this verification's, or else the
  /// saved results'.
  func earlierRuns(of example: Example, in job: Job) -> [RunRecord] {
    let runs = job.examples.first { $0.name == example.name }?.runs.filter(\.succeeded) ?? []
    guard runs.isEmpty,
      let previous = job.previous?.examples.first(where: { $0.name == example.name }),
      previous.codeHash == Judge.codeHash(of: example)
    else { return runs }
    return previous.runs.filter(\.succeeded)
  }

  /// The median share of a core that the example's earlier runs of the same code used.
  func cpuShare(of example: Example, in job: Job) -> Double? {
    let runs = earlierRuns(of: example, in: job).filter { $0.wallSeconds > 0 }
    return median(runs.map { $0.cpuSeconds / $0.wallSeconds })
  }

  /// How each example of a job is to run, from its measured CPU share.
  func schedule(_ job: Job) -> [String: Schedule] {
    var shares: [String: Double] = [:]
    for example in job.lesson.examples where example.mode == .run {
      shares[example.name] = cpuShare(of: example, in: job)
    }
    return Self.schedule(job.lesson, cpuShares: shares, waitingShare: options.waitingShare)
  }

  /// The examples of `lesson` that must have the machine to themselves.
  static func mustRunAlone(_ lesson: Lesson, cpuShares: [String: Double], waitingShare: Double)
    -> Set<String>
  {
    Set(
      schedule(lesson, cpuShares: cpuShares, waitingShare: waitingShare).filter {
        !$0.value.sideBySide
      }.keys)
  }

  /// How each example of `lesson` that runs is to be scheduled, and why. Alone: those that
  /// use the cores (CPU time over wall time above `waitingShare`), those never measured (no
  /// entry in `cpuShares`), those whose claims need cores, and every example compared in a
  /// claim with one of them. The others mostly wait, and run side by side.
  static func schedule(_ lesson: Lesson, cpuShares: [String: Double], waitingShare: Double)
    -> [String: Schedule]
  {
    let percent = { (share: Double) in "\(Int((share * 100).rounded()))%" }
    var plan: [String: Schedule] = [:]
    for example in lesson.examples where example.mode == .run {
      guard let share = cpuShares[example.name] else {
        plan[example.name] = Schedule(
          sideBySide: false, reason: "never measured: its CPU share is not known yet")
        continue
      }
      plan[example.name] =
        share > waitingShare
        ? Schedule(
          sideBySide: false,
          reason:
            "uses the cores: CPU \(percent(share)) of its wall time, over \(percent(waitingShare))"
        )
        : Schedule(
          sideBySide: true,
          reason:
            "mostly waits: CPU \(percent(share)) of its wall time, at most \(percent(waitingShare))"
        )
    }
    for claim in lesson.claims {
      guard let cores = claim.neededCores else { continue }
      for name in claim.examples where plan[name]?.sideBySide != false {
        plan[name] = Schedule(
          sideBySide: false, reason: "a claim about it needs \(cores) cores")
      }
    }
    var changed = true
    while changed {
      changed = false
      for claim in lesson.claims {
        guard let alone = claim.examples.first(where: { plan[$0]?.sideBySide == false })
        else { continue }
        for name in claim.examples where plan[name]?.sideBySide == true {
          plan[name] = Schedule(
            sideBySide: false, reason: "compared in a claim with '\(alone)', which runs alone")
          changed = true
        }
      }
    }
    return plan
  }
}
