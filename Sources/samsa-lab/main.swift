import Foundation
import LabKit
import LabStudentExercises

// `samsa-lab grade …` / `samsa-lab lab export …`: grading with the student's Swift exercises
// linked in. `samsa grade` can forward here; see LabCommand for the options.
let status = await LabCommand.run(arguments: Array(CommandLine.arguments.dropFirst()), code: .student)
exit(status)
