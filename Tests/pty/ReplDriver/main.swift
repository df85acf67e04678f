import DLSRepl
import Foundation

// The REPL as `dls` will start it, on a stand-in language, for the pty end-to-end tests.
let status = Repl.run(language: ToyLanguage(), hooks: DemoHooks(), banner: "dls repl test driver")
exit(status)
