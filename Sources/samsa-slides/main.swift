import Foundation
import Slides

exit(await SlidesCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
