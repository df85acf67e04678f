import Foundation
import Testing
@testable import DLSRepl

/// The Ctrl-C flag is process-wide, so these run serialized (see InterruptFlagSuites).
extension InterruptFlagSuites {
    @Suite struct InterruptTests {
        @Test func raiseThenTakeOnce() {
            _ = Interrupts.take()
            Interrupts.raise()
            #expect(Interrupts.isPending)
            #expect(Interrupts.take())
            #expect(!Interrupts.take())
            #expect(!Interrupts.isPending)
        }

        @Test func sleepWakesEarlyOnInterrupt() {
            #expect(Interrupts.install())
            _ = Interrupts.take()
            let start = Date()
            Thread.detachNewThread {
                usleep(50_000)
                Interrupts.raise()
            }
            #expect(Interrupts.sleep(milliseconds: 5000))
            #expect(Date().timeIntervalSince(start) < 2)
            #expect(Interrupts.take())
        }

        @Test func sleepRunsItsCourse() {
            _ = Interrupts.take()
            #expect(!Interrupts.sleep(milliseconds: 20))
        }

        @Test func realSignalSetsTheFlag() {
            #expect(Interrupts.install())
            _ = Interrupts.take()
            kill(getpid(), SIGINT)
            #expect(Interrupts.sleep(milliseconds: 2000))
            #expect(Interrupts.take())
        }
    }
}
