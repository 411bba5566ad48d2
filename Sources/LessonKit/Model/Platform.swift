/// An operating system a finding of the book holds on. A claim or an example that names
/// some holds there only: elsewhere it is skipped, and says so, never passed or failed.
public enum Platform: String, Sendable, Hashable, Codable, CaseIterable {
  case linux = "Linux"
  case macOS = "macOS"

  /// The platform this runner was built for; nil on one the book names nowhere.
  public static var current: Platform? {
    #if os(Linux)
      return .linux
    #elseif os(macOS)
      return .macOS
    #else
      return nil
    #endif
  }

  /// The platform a lesson names, in any case: `linux`, `Linux`, `macos`.
  public static func named(_ word: some StringProtocol) -> Platform? {
    allCases.first { $0.rawValue.lowercased() == word.lowercased() }
  }

  /// `Linux, macOS`, for messages.
  public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

  /// `Linux` or `Linux and macOS`.
  public static func words(_ platforms: [Platform]) -> String {
    platforms.map(\.rawValue).joined(separator: " and ")
  }

  /// Why something that holds only on `platforms` was not judged here, or nil when it
  /// holds on `platform`.
  public static func skipReason(_ platforms: [Platform]?, on platform: Platform?) -> String? {
    guard let platforms, !platforms.isEmpty else { return nil }
    if let platform, platforms.contains(platform) { return nil }
    return "not on this platform: it holds on \(words(platforms)), and this is "
      + (platform?.rawValue ?? "another system")
  }
}
