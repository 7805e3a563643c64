/// Thrown by an untouched exercise: the checker reports the task as "not attempted" instead of failed.
/// Delete the `throw ExerciseNotDone()` line when you write your solution.
public struct ExerciseNotDone: Error, Sendable, Equatable {
    public init() {}
}
