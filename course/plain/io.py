"""Lines out, lines in: the plain mode's only contact with the terminal.

Every prompt goes through :meth:`Lines.ask`, so the promises hold at every
one of them alike: ``help`` (or ``?``) prints the crisis lines and the
learner's own helpers, then asks again; ``quit`` and the end of input
(Ctrl+D) leave with everything saved; Ctrl+C says how to leave instead of
throwing away the session. Output is plain lines only: no colour, no cursor
movement, nothing a screen reader would have to skip.

Input comes through ``input()`` when both ends are a terminal (so readline
gives line editing and history where Python has it), else straight from the
stream. When the input is not typed at a terminal (a pipe, a test), each
answer is echoed after its prompt, so the transcript reads as a conversation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from course.safe_text import visible

HELP_WORDS = frozenset({"help", "?", "h"})
QUIT_WORDS = frozenset({"quit", "q", "exit"})

LEAVE_HINT = "To leave, type quit (or press Ctrl+D). Everything is saved as you go."
SAVED_GOODBYE = "Everything is saved. Goodbye."


class Leave(Exception):
    """The learner is leaving (``quit``, the end of input, a hang-up): unwind and say goodbye.

    Attributes:
        why: "quit", "end of input" or "signal".
    """

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


def is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except (OSError, ValueError):
        return False


class Lines:
    """The plain mode's terminal: print lines, ask for one.

    Args:
        stdin: Where answers come from.
        stdout: Where everything is printed.
        help_text: Called at each ``help`` for the lines to print (the crisis
            lines, then the learner's own helpers), read fresh each time.
        use_input: Read through ``input()`` (readline editing); only right
            when ``stdin`` and ``stdout`` are the process's own terminal.
    """

    def __init__(
        self,
        stdin: TextIO,
        stdout: TextIO,
        help_text: Callable[[], Iterable[str]],
        use_input: bool = False,
    ) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.help_text = help_text
        self.use_input = use_input
        self.echo = not is_terminal(stdin)
        """Show each answer after its prompt: the input is not typed where it is seen."""
        if use_input:
            _quiet_readline()

    # -- out ------------------------------------------------------------------

    def say(self, *lines: str) -> None:
        """Print author or learner text, each line made harmless first."""
        for line in lines:
            self.stdout.write(visible(line) + "\n")

    def gap(self) -> None:
        self.stdout.write("\n")

    def show_help(self) -> None:
        self.gap()
        self.say(*self.help_text())
        self.say("To carry on, answer the prompt again. To leave, type quit: everything is saved.")
        self.gap()

    # -- in -------------------------------------------------------------------

    def read_line(self, prompt: str) -> str:
        """One line as typed (without its line ending); raise :class:`Leave` at the end of input."""
        shown = visible(prompt)
        while True:
            try:
                if self.use_input:
                    self.stdout.flush()
                    return input(shown)
                self.stdout.write(shown)
                self.stdout.flush()
                line = self.stdin.readline()
                break
            except KeyboardInterrupt:
                self.stdout.write("\n" + LEAVE_HINT + "\n")
            except EOFError:  # Ctrl+D at input(): end the prompt's line first
                self.stdout.write("\n")
                raise Leave("end of input") from None
            except (OSError, ValueError):
                raise Leave("end of input") from None  # the input was closed under us
        if not line:
            self.stdout.write("\n")
            raise Leave("end of input")
        line = line.removesuffix("\n").removesuffix("\r")
        if self.echo:
            self.stdout.write(visible(line) + "\n")
        return line

    def ask(self, prompt: str) -> str:
        """Ask until an answer comes that is not ``help``; ``quit`` leaves.

        Returns:
            The answer, stripped and in lower case ("" for a bare Enter).
        """
        while True:
            answer = self.read_line(prompt).strip().lower()
            if answer in HELP_WORDS:
                self.show_help()
                continue
            if answer in QUIT_WORDS:
                raise Leave("quit")
            return answer

    def ask_text(self, prompt: str, commands: frozenset[str]) -> tuple[str, str | None]:
        """A line of the learner's own writing, kept exactly as typed.

        A line that is only ``help`` or ``?`` prints help; only ``quit`` leaves;
        only one of ``commands`` is returned as that command.

        Returns:
            (the line as typed, None), or ("", the command word).
        """
        while True:
            line = self.read_line(prompt)
            word = line.strip().lower()
            if word in HELP_WORDS:
                self.show_help()
                continue
            if word in QUIT_WORDS:
                raise Leave("quit")
            if word in commands:
                return "", word
            return line, None


def _quiet_readline() -> None:
    """Line editing without the escape codes readline may send on its own.

    Bracketed paste makes readline write ``ESC [ ? 2004 h`` before each prompt;
    a braille display or a screen reader meets it as noise.
    """
    try:
        import readline
    except ImportError:  # no readline on this platform: input() still works
        return
    try:
        readline.parse_and_bind("set enable-bracketed-paste off")
        readline.parse_and_bind("set enable-meta-key off")
    except Exception:  # an old or odd readline: editing is a nicety, not a need
        return
