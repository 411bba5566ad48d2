/// A way of compiling an example: a language mode, upcoming features and a default
/// isolation. Where code runs, and what the compiler refuses, depend on these; an example
/// that says `settings=default,nonsending` is built and run once under each, and its claims
/// name the one they are about (`claim:heartbeat:nonsending@worst-gap`).
public struct CompilerSetting: Sendable, Hashable {
  /// The name an example gives in `settings=`: `nonsending`.
  public var name: String
  /// What it changes, for the page and for messages.
  public var summary: String
  /// The Swift language mode: 6 or 5.
  public var languageMode: Int
  /// Upcoming features turned on, by the compiler's own names.
  public var upcomingFeatures: [String]
  /// The isolation of code that says nothing about it: nil for nonisolated (the language's
  /// default), or `MainActor` (SE-0466).
  public var defaultIsolation: String?

  public init(
    name: String, summary: String, languageMode: Int = 6, upcomingFeatures: [String] = [],
    defaultIsolation: String? = nil
  ) {
    self.name = name
    self.summary = summary
    self.languageMode = languageMode
    self.upcomingFeatures = upcomingFeatures
    self.defaultIsolation = defaultIsolation
  }

  /// Whether this is the setting every example is built with unless it says otherwise.
  public var isBookDefault: Bool { self == CompilerSettings.bookDefault }

  /// SwiftPM's settings for a target built this way, beyond the book's own flags, as a
  /// manifest writes them (`.defaultIsolation` needs tools version 6.2).
  public var manifestSettings: [String] {
    var settings: [String] = []
    if languageMode != 6 { settings.append(".swiftLanguageMode(.v\(languageMode))") }
    settings += upcomingFeatures.map { ".enableUpcomingFeature(\"\($0)\")" }
    if let isolation = defaultIsolation { settings.append(".defaultIsolation(\(isolation).self)") }
    return settings
  }

  /// swiftc's flags for the same setting, for an example that is type-checked alone.
  public var compilerFlags: [String] {
    var flags = ["-swift-version", "\(languageMode)"]
    for feature in upcomingFeatures { flags += ["-enable-upcoming-feature", feature] }
    if let isolation = defaultIsolation { flags += ["-default-isolation", isolation] }
    return flags
  }
}

/// The one table of settings an example may name: parsing checks `settings=` against it,
/// tangling writes each target's settings from it, and the format's documentation and
/// `lesson-runner --help` list the same rows.
public enum CompilerSettings {
  /// How every example is built unless it says otherwise: what `swift package init` gives a
  /// new package on Swift 6.3 (language mode 6 and no other setting).
  public static let bookDefault = CompilerSetting(
    name: "default",
    summary:
      "Swift 6 language mode, no upcoming features, code nonisolated unless it says otherwise")

  public static let table: [CompilerSetting] = [
    bookDefault,
    CompilerSetting(
      name: "nonsending",
      summary:
        "NonisolatedNonsendingByDefault (SE-0461): a nonisolated async function runs on its caller's actor",
      upcomingFeatures: ["NonisolatedNonsendingByDefault"]),
    CompilerSetting(
      name: "main-actor",
      summary:
        "default isolation MainActor (SE-0466): code that says nothing runs on the main actor",
      defaultIsolation: "MainActor"),
    CompilerSetting(
      name: "main-actor-nonsending",
      summary:
        "default isolation MainActor with NonisolatedNonsendingByDefault and InferIsolatedConformances",
      upcomingFeatures: ["NonisolatedNonsendingByDefault", "InferIsolatedConformances"],
      defaultIsolation: "MainActor"),
    CompilerSetting(
      name: "swift5",
      summary: "Swift 5 language mode: data-race safety is not enforced",
      languageMode: 5),
  ]

  /// The settings' names, for messages: "default, nonsending, …".
  public static let names = table.map(\.name).joined(separator: ", ")

  public static let byName: [String: CompilerSetting] = Dictionary(
    table.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

  /// The book's default setting in one sentence, for the front page and `--help`.
  public static let defaultSentence =
    "Every example is built in the Swift 6 language mode with warnings as errors, no upcoming features and no default isolation (code is nonisolated unless it says otherwise), as swift package init makes a package on Swift 6.3. An example that names other settings (settings=) is built and run under each of them, and its page says which."
}
