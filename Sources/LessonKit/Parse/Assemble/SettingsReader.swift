/// Reads `settings=`, and the settings `compile-fail=` names: one setting is the example's
/// own; several make a plan of one build per setting, in `ParseState.variantPlans`.
enum SettingsReader {
  /// False when they cannot be read (reported).
  static func read(
    _ name: String, _ blocks: [ExampleBlock], into example: inout Example,
    compileFail: AttributeValue?, _ state: inout ParseState
  ) -> Bool {
    guard let given = ExampleAssembler.setting(.settings, in: blocks, &state) else {
      if let lesson = state.lessonSetting { example.setting = lesson.setting }
      if let f = compileFail, !f.value.isEmpty {
        state.error(.compileFailNamesSettingsOfOne(f.value, name), at: f.at)
        return false
      }
      return true
    }
    var settings: [CompilerSetting] = []
    for item in splitList(given.value) {
      guard let setting = CompilerSettings.byName[item] else {
        state.error(item.isEmpty ? .settingsEmptyItem : .settingsUnknown(item), at: given.at)
        return false
      }
      if settings.contains(setting) {
        state.error(.settingsTwice(item), at: given.at)
        return false
      }
      settings.append(setting)
    }
    var failing = Set(settings.map(\.name))
    if let f = compileFail, !f.value.isEmpty {
      failing = []
      for item in splitList(f.value) {
        guard settings.contains(where: { $0.name == item }) else {
          state.error(.compileFailSettingNotAmong(f.value, item, given.value), at: f.at)
          return false
        }
        failing.insert(item)
      }
    }
    if settings.count == 1 {
      example.setting = settings[0]
      return true
    }
    if example.language != .swift {
      state.error(.settingsSeveralNotSwift, at: given.at)
      return false
    }
    state.variantPlans[name] = settings.map {
      ($0, compileFail != nil && failing.contains($0.name))
    }
    return true
  }
}

extension Message {
  static func compileFailNamesSettingsOfOne(_ value: String, _ name: String) -> Message {
    Message(
      "lesson.settings.compile-fail-names-settings",
      "compile-fail=\(value) names settings, but example '\(name)' is built under one: write compile-fail alone, or name its settings with settings=default,\(value)"
    )
  }

  static let settingsEmptyItem = Message(
    "lesson.settings.empty-item",
    "settings= has an empty item: list setting names separated by commas, as in settings=default,nonsending"
  )

  static func settingsUnknown(_ item: String) -> Message {
    Message(
      "lesson.settings.unknown",
      "unknown setting '\(item)' in settings=; known settings are \(CompilerSettings.names) (docs/lesson-format.md)"
    )
  }

  static func settingsTwice(_ item: String) -> Message {
    Message("lesson.settings.twice", "setting '\(item)' is named twice in settings=")
  }

  static func compileFailSettingNotAmong(_ value: String, _ item: String, _ settings: String)
    -> Message
  {
    Message(
      "lesson.settings.compile-fail-not-among",
      "compile-fail=\(value) names '\(item)', which is not among the example's settings (\(settings))"
    )
  }

  static let settingsSeveralNotSwift = Message(
    "lesson.settings.several-not-swift", "only a swift example can be built under several settings")
}
