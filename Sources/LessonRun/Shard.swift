/// One part of the book for one machine of a CI matrix: `--shard 2/3` is the second of three.
///
/// Lessons are dealt out in order like cards, the first to shard 1, the second to shard 2,
/// and so on: every lesson falls in exactly one shard, and the same one on every machine.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
  /// 1-based.
  public var index: Int
  public var count: Int

  public init?(index: Int, count: Int) {
    guard count >= 1, index >= 1, index <= count else { return nil }
    self.index = index
    self.count = count
  }

  /// Reads `i/n`.
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
    self.init(index: i, count: n)
  }

  /// The items of `all` (in the book's order) that belong to this shard.
  public func select<T>(_ all: [T]) -> [T] {
    all.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
  }

  public var description: String { "\(index)/\(count)" }
}
