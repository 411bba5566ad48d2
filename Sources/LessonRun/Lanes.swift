import Foundation

/// The lanes for runs side by side: at most `count` at once, and together no more than
/// `budget` cores by their measured CPU shares. A run that would go over the budget waits
/// for others to end, unless no other run is in a lane.
final class Lanes: @unchecked Sendable {
  // Every use of `running` and `shares` holds `condition`'s lock.
  private let condition = NSCondition()
  private var running = 0
  private var shares = 0.0
  let count: Int
  let budget: Double

  init(count: Int, budget: Double) {
    self.count = count
    self.budget = budget
  }

  /// Waits for a lane with room for `share` of a core, and takes it.
  func enter(share: Double) {
    condition.lock()
    defer { condition.unlock() }
    while !take(share) { condition.wait() }
  }

  /// Takes a lane if one has room for `share` of a core now; never waits.
  func tryEnter(share: Double) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    return take(share)
  }

  private func take(_ share: Double) -> Bool {
    guard running == 0 || (running < count && shares + share <= budget) else { return false }
    running += 1
    shares += share
    return true
  }

  func leave(share: Double) {
    condition.lock()
    defer { condition.unlock() }
    running -= 1
    shares = running == 0 ? 0 : max(0, shares - share)
    condition.broadcast()
  }
}
