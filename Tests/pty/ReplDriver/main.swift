import DLSLanguage
import DLSRepl
import Foundation

// The REPL as `dls` will start it: the real interpreter, a canned command host and vocabulary.
let interpreter = Interpreter(host: DemoCommandHost())
let status = Repl.run(language: InterpreterLanguage(interpreter), hooks: DemoHooks(),
                      banner: "dls repl test driver")
exit(status)
