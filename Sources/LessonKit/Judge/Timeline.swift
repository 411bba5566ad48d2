/// What ran when in one run of an example: the spans it marked and the lines it printed.
///
/// An example marks a span by printing, on standard error, `::span-begin NAME` when the
/// work starts and `::span-end NAME` when it ends, each optionally followed by
/// ` thread=TID`. The runner timestamps every line as it arrives, so the spans come from
/// the same clock as the example's wall time. An example that marks nothing gets one bar
/// for its whole run.
public struct Timeline: Sendable, Hashable {
  public struct Span: Sendable, Hashable {
    public var name: String
    /// The thread the example named with `thread=`, or nil.
    public var thread: String?
    /// Seconds after the process started.
    public var start: Double
    public var end: Double
    /// The example never ended the span, so it is drawn to the end of the run.
    public var isOpen: Bool

    public init(
      name: String, thread: String? = nil, start: Double, end: Double, isOpen: Bool = false
    ) {
      self.name = name
      self.thread = thread
      self.start = start
      self.end = end
      self.isOpen = isOpen
    }

    public var duration: Double { end - start }
  }

  /// A line the example printed that is not a marker.
  public struct Event: Sendable, Hashable {
    public var time: Double
    public var stream: TimedLine.Stream
    public var text: String

    public init(time: Double, stream: TimedLine.Stream, text: String) {
      self.time = time
      self.stream = stream
      self.text = text
    }
  }

  /// One row of the picture. Spans in a lane never overlap; spans that would are put
  /// in another lane with the same label.
  public struct Lane: Sendable, Hashable {
    public var label: String
    /// Set when the lane is a thread's, whose spans may have different names.
    public var thread: String?
    public var spans: [Span]
  }

  /// The spans, in the order they began.
  public var spans: [Span]
  public var events: [Event]
  /// Seconds from the start of the run to its end (or to its last line, if later).
  public var duration: Double
  /// Whether the spans come from markers; when false there is one span for the whole run.
  public var isMarked: Bool
  /// Marker lines that made no sense, in words, such as an end without a begin.
  public var problems: [String]

  public init(
    spans: [Span], events: [Event], duration: Double, isMarked: Bool, problems: [String] = []
  ) {
    self.spans = spans
    self.events = events
    self.duration = duration
    self.isMarked = isMarked
    self.problems = problems
  }

  public static let beginMarker = "::span-begin"
  public static let endMarker = "::span-end"
  /// The name of the one span of a run that marked nothing.
  public static let wholeRunName = "run"

  /// Whether a line is a span marker, which the live display hides and the output never holds.
  public static func isMarker(_ line: TimedLine) -> Bool {
    line.stream == .stderr && line.text.hasPrefix("::span-")
  }

  public static func extract(from record: RunRecord) -> Timeline {
    var spans: [Span] = []
    var open: [Int] = []  // indexes into spans, in the order they began
    var events: [Event] = []
    var problems: [String] = []
    for line in record.lines {
      guard isMarker(line) else {
        events.append(Event(time: line.time, stream: line.stream, text: line.text))
        continue
      }
      let at = "at " + Format.value(line.time, .time)
      guard let marker = Marker(line.text) else {
        problems.append(
          "\(at): '\(line.text)' is not a marker: write '\(beginMarker) NAME' or '\(endMarker) NAME', optionally followed by ' thread=TID'"
        )
        continue
      }
      if marker.begins {
        open.append(spans.count)
        spans.append(
          Span(name: marker.name, thread: marker.thread, start: line.time, end: line.time))
        continue
      }
      let match =
        open.firstIndex { spans[$0].name == marker.name && spans[$0].thread == marker.thread }
        ?? (marker.thread == nil ? open.firstIndex { spans[$0].name == marker.name } : nil)
      guard let position = match else {
        problems.append("\(at): '\(line.text)' ends a span that never began")
        continue
      }
      spans[open.remove(at: position)].end = line.time
    }
    let last = max(record.wallSeconds, record.lines.map(\.time).max() ?? 0)
    for index in open {
      spans[index].end = last
      spans[index].isOpen = true
      problems.append(
        "span '\(spans[index].name)' began at \(Format.value(spans[index].start, .time)) and never ended"
      )
    }
    guard !spans.isEmpty else {
      let whole = Span(name: wholeRunName, start: 0, end: last)
      return Timeline(
        spans: [whole], events: events, duration: last, isMarked: false, problems: problems)
    }
    return Timeline(
      spans: spans, events: events, duration: last, isMarked: true, problems: problems)
  }

  /// The rows of the picture: a lane per thread named by `thread=`, otherwise a lane per
  /// span name, in the order their first span began; overlapping spans go on extra lanes.
  public var lanes: [Lane] {
    var keys: [String] = []
    var groups: [String: [Span]] = [:]
    for span in spans {
      let key = span.thread.map { "thread \($0)" } ?? span.name
      if groups[key] == nil { keys.append(key) }
      groups[key, default: []].append(span)
    }
    var lanes: [Lane] = []
    for key in keys {
      let group = groups[key] ?? []
      guard let first = group.first else { continue }
      var packed: [Lane] = []
      for span in group {
        if let free = packed.firstIndex(where: { ($0.spans.last?.end ?? 0) <= span.start }) {
          packed[free].spans.append(span)
        } else {
          packed.append(Lane(label: key, thread: first.thread, spans: [span]))
        }
      }
      lanes += packed
    }
    return lanes
  }

  /// Lanes a text picture draws at most.
  public static let maxTextLanes = 24

  /// The timeline as lines of text, `width` characters wide at most, for a terminal:
  /// a time axis, a bar per lane, and a row of ticks where the example printed.
  public func textPicture(width: Int) -> [String] {
    let allLanes = self.lanes
    let lanes = allLanes.prefix(Self.maxTextLanes)
    let labels = lanes.map(\.label) + ["output"]
    let labelWidth = min(labels.map(\.count).max() ?? 0, 16)
    let cells = max(width - labelWidth - 3, 10)
    let scale = duration > 0 ? Double(cells) / duration : 0
    func cell(_ time: Double) -> Int { min(max(Int(time * scale), 0), cells - 1) }
    func row(_ label: String, _ body: [Character]) -> String {
      let shown = label.count > labelWidth ? label.prefix(labelWidth - 1) + "…" : label[...]
      var line = " " + String(repeating: " ", count: labelWidth - shown.count) + shown + "  "
      line += String(body)
      while line.last == " " { line.removeLast() }
      return line
    }

    let end = Format.value(duration, .time)
    let axisGap = max(cells - 3 - end.count, 1)
    var picture = [
      String(repeating: " ", count: labelWidth + 3) + "0 s" + String(repeating: " ", count: axisGap)
        + end
    ]
    for lane in lanes {
      var body = [Character](repeating: " ", count: cells)
      for span in lane.spans {
        // Cells by rounding, so a span that ends where the next begins shares no cell with it.
        let from = min(Int((span.start * scale).rounded()), cells - 1)
        let to = max(from, min(Int((span.end * scale).rounded()) - 1, cells - 1))
        for i in from...to { body[i] = span.isOpen && i == to ? "▒" : "█" }
        // A thread's lane holds spans of several names: write each name on its bar.
        if lane.thread != nil, to - from >= 3 {
          let name = Array(span.name.prefix(to - from - 1))
          body[from] = "├"
          body[to] = span.isOpen ? "▒" : "┤"
          for i in (from + 1)...(to - 1) {
            body[i] = i - from - 1 < name.count ? name[i - from - 1] : "─"
          }
        }
      }
      picture.append(row(lane.label, body))
    }
    if allLanes.count > lanes.count {
      picture.append(row("…", Array("\(allLanes.count - lanes.count) more lanes")))
    }
    if !events.isEmpty {
      var body = [Character](repeating: " ", count: cells)
      for event in events { body[cell(event.time)] = "╵" }
      picture.append(row("output", body))
    }
    return picture
  }
}

/// One marker line, read: `::span-begin NAME thread=TID`.
private struct Marker {
  var begins: Bool
  var name: String
  var thread: String?

  init?(_ text: String) {
    var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    guard let keyword = words.first,
      keyword == Timeline.beginMarker || keyword == Timeline.endMarker
    else { return nil }
    words.removeFirst()
    if let last = words.last, last.hasPrefix("thread=") {
      let tid = String(last.dropFirst("thread=".count))
      guard !tid.isEmpty else { return nil }
      thread = tid
      words.removeLast()
    }
    guard !words.isEmpty else { return nil }
    begins = keyword == Timeline.beginMarker
    name = words.joined(separator: " ")
  }
}
