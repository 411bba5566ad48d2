// Example 'immediate-latency' of lessons/09-where-code-runs.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
let clock = ContinuousClock()

func micros(_ d: Duration) -> Double { d / .microseconds(1) }
func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
func busy(for d: Duration) {
    let end = clock.now + d
    while clock.now < end {}
}

var plain: [Double] = []
var immediate: [Double] = []
for _ in 0..<1000 {
    let made = clock.now
    let task = Task { micros(clock.now - made) }
    busy(for: .microseconds(50))
    plain.append(await task.value)

    let madeNow = clock.now
    let immediateTask = Task.immediate { micros(clock.now - madeNow) }
    busy(for: .microseconds(50))
    immediate.append(await immediateTask.value)
}
print("task waited: \(median(plain)) µs")
print("immediate waited: \(median(immediate)) µs")
