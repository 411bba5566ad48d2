// The examples of lessons/09-where-code-runs.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
// Building this target builds every example of the lesson at once.
print("where-am-i:default\nwhere-am-i:nonsending\nactor-notes:nonsending\nheartbeat:default\nheartbeat:nonsending\nheartbeat:main-actor\nheartbeat-concurrent:default\nheartbeat-concurrent:nonsending\nheartbeat-concurrent:main-actor\nlaunches:main-actor\nchecksum:default\nchecksum-nonisolated:default\nchecksum-nonisolated:main-actor\nmain-actor-tour\nassume-wrongly\nhop-cost\nrequest-id\nescalation\nnames\nwhat-tasks-take\nimmediate-order\nimmediate-latency\nisolated-cast\nunblock-starter\nunblock")
