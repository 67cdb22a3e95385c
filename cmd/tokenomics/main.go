// Command tokenomics compares what your AI work costs on flat subscriptions
// and on per-token APIs. With no subcommand it opens the interactive app;
// `compare`, `plans` and `presets` print to stdout.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/catalogsync"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/safefile"
	"github.com/tokenomics/tokenomics/termsafe"
	"github.com/tokenomics/tokenomics/ui"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// inputError marks bad input from the user: exit status 2.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }
func (e inputError) Unwrap() error { return e.err }

func badInput(format string, args ...any) error {
	return inputError{fmt.Errorf(format, args...)}
}

// run executes the command line and returns the exit status: 0 on success,
// 2 for bad input (flags, files, names), 1 for anything else.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetIn(stdin)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	// An error may quote a file's key, a log's name or a server's reply.
	fmt.Fprintln(stderr, "tokenomics:", termsafe.Text(err.Error()))
	return exitCode(err)
}

// exitCode maps an error to the exit status: 2 for bad input, else 1. A
// write that fails (a full disk, a permission) is not bad input.
func exitCode(err error) int {
	var we *safefile.WriteError
	var se *ui.StateError // the app ran; only its state file was not kept
	if errors.As(err, &we) || errors.As(err, &se) {
		return 1
	}
	var pe *plans.Error
	var ve *plans.ValueError // a preset, a billing or a currency that is not there
	var ie inputError
	var fe *fs.PathError            // a file the user named cannot be read, or is refused
	var ce *catalogsync.SourceError // a price file refused, or no price file
	if errors.As(err, &pe) || errors.As(err, &ve) || errors.As(err, &ie) || errors.As(err, &fe) || errors.As(err, &ce) || isFlagError(err) {
		return 2
	}
	return 1
}

// argsAreInput makes a wrong argument (an extra word, a missing FILE) bad
// input, exit 2, whichever validator of c or its subcommands says so.
func argsAreInput(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return inputError{err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		argsAreInput(sub)
	}
}

// argsSaying is check (one of cobra's) with msg, bad input, as its error.
func argsSaying(check cobra.PositionalArgs, msg string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if check(cmd, args) != nil {
			return badInput("%s", msg)
		}
		return nil
	}
}

// flagErr wraps cobra's flag parsing errors so they exit 2.
type flagErr struct{ error }

func isFlagError(err error) bool {
	var fe flagErr
	return errors.As(err, &fe)
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	var in inputs
	root := &cobra.Command{
		Use:   "tokenomics",
		Short: "Is a flat AI subscription or a per-token API cheaper for the work you do?",
		Long: `tokenomics prices your AI workload on every subscription (Claude, ChatGPT, Google AI,
team plans) and every API model (Anthropic, OpenAI, Google, Upstage, …), alone or routed
per task class, with usage caps, context windows, tiers, caching, batch discounts,
long-context surcharges, seats, annual billing and language token costs.

With no subcommand it opens the interactive comparer (or prints the comparison
when stdout is not a terminal).`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runApp(cmd, &in, stdout, stderr)
		},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return flagErr{err} })
	in.register(root)
	root.AddCommand(newCompare(stdout, stderr), newPlans(stdout), newPresets(stdout), newImport(stdout), newReplay(stdout), newCalibrate(stdout), newCount(stdout), newCatalog(stdout))
	argsAreInput(root)
	return root
}
