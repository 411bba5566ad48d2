import Foundation
import LessonKit
import Testing

@testable import LessonRun

/// A throwaway book: a manifest and the given lessons.
func scratchBook(_ lessons: [String: String]) throws -> Workspace {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent(
    "book-\(UUID().uuidString)")
  let folder = root.appendingPathComponent("lessons")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  try "// swift-tools-version: 6.2\n".write(
    to: root.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
  for (name, text) in lessons {
    try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }
  return Workspace(root: root)
}

func lessonText(_ title: String, _ example: String) -> String {
  "# \(title)\n\n```swift example=\(example)\nprint(1)\n```\n\nIt takes [about 1 s](claim:\(example)).\n"
}

@Suite struct WorkspaceTests {
  @Test func examplesWithLibrariesBuildFromTheSitesPackageWhenThereIsOne() throws {
    let book = try scratchBook(["01-first.md": lessonText("First", "a")])
    defer { try? FileManager.default.removeItem(at: book.root) }
    // A draft's folder, or a book without the site: its own lessons package.
    #expect(book.lessonsBuildRoot == book.lessonsPackage)
    #expect(book.lessonsBuild.path.hasSuffix("/.build/lessons-package"))
    #expect(book.lessonsManifests.isEmpty)
    try FileManager.default.createDirectory(at: book.sitePackage, withIntermediateDirectories: true)
    try "// swift-tools-version: 6.2\n".write(
      to: book.sitePackage.appendingPathComponent("Package.swift"), atomically: true,
      encoding: .utf8)
    // The book: built from Site/, in its build folder, watching the lessons' manifest.
    #expect(book.lessonsBuildRoot == book.sitePackage)
    #expect(book.lessonsBuild == book.sitePackage.appendingPathComponent(".build"))
    #expect(book.lessonsManifests == [book.lessonsPackage.appendingPathComponent("Package.swift")])
  }

  @Test func aLessonIsFoundByNumberSlugOrPath() throws {
    let book = try scratchBook([
      "01-first.md": lessonText("First", "a"), "02-second.md": lessonText("Second", "b"),
    ])
    defer { try? FileManager.default.removeItem(at: book.root) }
    let second = book.lessonsDirectory.appendingPathComponent("02-second.md").standardizedFileURL
    #expect(book.resolve("2") == second)
    #expect(book.resolve("02") == second)
    #expect(book.resolve("second") == second)
    #expect(book.resolve("02-second") == second)
    #expect(book.resolve(second.path) == second)
    #expect(book.resolve("3") == nil)
    #expect(book.resolve("third") == nil)
    #expect(book.resolve("/no/such/lesson.md") == nil)
    #expect(book.lessonFiles().map(\.lastPathComponent) == ["01-first.md", "02-second.md"])
  }

  @Test func aBrokenLessonNeverDeletesAnotherLessonsTangledCode() throws {
    let book = try scratchBook([
      "01-first.md": lessonText("First", "a"), "02-second.md": lessonText("Second", "b"),
    ])
    defer { try? FileManager.default.removeItem(at: book.root) }
    let lessons = try book.lessonFiles().map { try book.load($0).get() }
    _ = try book.tangle(lessons, write: true)
    let secondCode = book.root.appendingPathComponent("Sources/Lessons/02-second/b/main.swift")
    #expect(FileManager.default.fileExists(atPath: secondCode.path))

    // Lesson 2 is now malformed: tangling the rest keeps its folder as it was.
    _ = try book.tangle([lessons[0]], keeping: ["02-second"], write: true)
    #expect(FileManager.default.fileExists(atPath: secondCode.path))
    // Without that protection, the same call would remove it.
    let stale = try book.tangle([lessons[0]], write: false)
    #expect(stale.contains("Sources/Lessons/02-second/b/main.swift"))
  }

  @Test func theLessonsPackageIsWrittenOnlyWhileAnExampleImportsALibrary() throws {
    let plain = lessonText("First", "a")
    let book = try scratchBook(["01-first.md": plain])
    defer { try? FileManager.default.removeItem(at: book.root) }
    let manifest = book.root.appendingPathComponent("Sources/Lessons/Package.swift")
    func tangle() throws {
      _ = try book.tangle(try book.lessonFiles().map { try book.load($0).get() }, write: true)
    }
    try tangle()
    #expect(!FileManager.default.fileExists(atPath: manifest.path))

    let lesson = book.lessonsDirectory.appendingPathComponent("01-first.md")
    try plain.replacingOccurrences(of: "example=a", with: "example=a needs=NIOCore")
      .write(to: lesson, atomically: true, encoding: .utf8)
    try tangle()
    let text = try String(contentsOf: manifest, encoding: .utf8)
    #expect(text.contains("name: \"Lesson01A\""))
    #expect(text.contains("edit the lessons, not this file"))
    // A reader's own build of the package, inside it, is not tangling's to remove.
    let build = book.root.appendingPathComponent("Sources/Lessons/.build/debug/x")
    try FileManager.default.createDirectory(
      at: build.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data().write(to: build)

    try plain.write(to: lesson, atomically: true, encoding: .utf8)
    try tangle()
    #expect(!FileManager.default.fileExists(atPath: manifest.path))
    #expect(FileManager.default.fileExists(atPath: build.path))
  }

  @Test func shardsSplitTheBookDeterministicallyAndTogetherCoverIt() throws {
    let lessons = Array(1...7)
    var union: [Int] = []
    for i in 1...3 {
      let part = try #require(Shard("\(i)/3"))
      #expect(part.select(lessons) == part.select(lessons))
      union += part.select(lessons)
    }
    #expect(union.sorted() == lessons)
    #expect(Shard("1/3")?.select(lessons) == [1, 4, 7])
    for bad in ["0/3", "4/3", "1/0", "x/2", "2", "1/2/3", ""] { #expect(Shard(bad) == nil) }
  }

  @Test func draftScratchPackagesArePrunedOnlyWhenOldAndOverTheCount() throws {
    let book = try scratchBook([:])
    defer { try? FileManager.default.removeItem(at: book.root) }
    func draft(_ i: Int) throws {
      let lesson = try LessonParser.parse(
        source: lessonText("Draft \(i)", "a"), path: "/tmp/draft-\(i).md",
        fileName: "draft-\(i).md")
      _ = try book.tangleDraft(lesson)
    }
    func kept() throws -> Set<String> {
      Set(try FileManager.default.contentsOfDirectory(atPath: book.draftsDirectory.path))
    }
    let count = Workspace.draftsKept + 2
    for i in 0..<count { try draft(i) }
    // Used within the hour: another runner may be building them, so none goes.
    #expect(try kept().count == count)
    // An hour and more ago, draft 0 the longest: the oldest go, down to draftsKept.
    for i in 0..<count {
      let stamp = book.draftsDirectory.appendingPathComponent("draft-\(i)/.last-used").path
      try FileManager.default.setAttributes(
        [.modificationDate: Date().addingTimeInterval(-7200 - Double(count - i))],
        ofItemAtPath: stamp)
    }
    try draft(count)
    let now = try kept()
    #expect(now.count == Workspace.draftsKept)
    #expect(now.contains("draft-\(count)"))
    #expect(!now.contains("draft-0") && !now.contains("draft-1") && !now.contains("draft-2"))
  }
}
