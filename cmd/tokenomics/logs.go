package main

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/replay"
	"github.com/tokenomics/tokenomics/report"
	"github.com/tokenomics/tokenomics/usage"
)

// logFlags are the flags every command that reads usage logs shares
// (import, replay, calibrate): the days to read, the output format and the
// catalog to price the records on.
type logFlags struct {
	in                     inputs // catalog and overlay; import and replay add more
	since, until, timezone string
	format                 string
	formats                []string
}

// register adds the shared flags to cmd; what and zone say what the days
// are for.
func (o *logFlags) register(cmd *cobra.Command, what, zone string, formats []string) {
	f := cmd.Flags()
	f.StringVar(&o.since, "since", "", "first "+what+", YYYY-MM-DD (inclusive)")
	f.StringVar(&o.until, "until", "", "last "+what+", YYYY-MM-DD (inclusive)")
	f.StringVarP(&o.timezone, "timezone", "z", "", "IANA time zone "+zone+" (default: local)")
	o.formats = formats
	formatFlag(cmd, &o.format, "output format: ", formats)
	catalogFlags(cmd, &o.in.catalog, &o.in.overlay)
}

// logRun is what a log command starts from: the logs to read and how, the
// catalog to price them on and the display currency.
type logRun struct {
	src   usage.Source
	opt   usage.Options
	cat   *plans.Catalog
	notes []string // the catalog's
	cur   money.Currency
}

// start checks --format and then the command's own flags (check, when not
// nil), turns the days into reading options for the paths after the
// source, and loads the catalog.
func (o *logFlags) start(args []string, check func() error) (*logRun, error) {
	if err := checkFormat(o.format, o.formats); err != nil {
		return nil, err
	}
	if check != nil {
		if err := check(); err != nil {
			return nil, err
		}
	}
	r := &logRun{}
	r.src, _ = usage.ParseSource(args[0])
	var err error
	if r.opt, err = o.options(args[1:]); err != nil {
		return nil, err
	}
	if r.cat, r.notes, err = o.in.loadCatalog(); err != nil {
		return nil, err
	}
	r.cur, err = r.cat.Currency(o.in.currency)
	return r, err
}

// options turns the flags into reading options; a value refused is said
// as the flag that gave it.
func (o *logFlags) options(paths []string) (usage.Options, error) {
	opt, err := usage.ParseOptions(paths, o.since, o.until, o.timezone)
	var oe *usage.OptionError
	switch {
	case errors.As(err, &oe) && oe.Option != "":
		return opt, badInput("--%s: %v", oe.Option, oe.Err)
	case err != nil:
		return opt, badInput("%v", err)
	case opt.Since != "" && opt.Until != "" && opt.Since > opt.Until:
		return opt, badInput("--since %s is after --until %s", opt.Since, opt.Until)
	}
	return opt, nil
}

// replay runs recs on every option of mc for the report, its notes those
// given.
func (r *logRun) replay(recs []replay.Record, mc *model.Catalog, notes []string) (*report.Replay, error) {
	res, err := replay.Run(recs, mc, replay.Options{Location: r.opt.Location})
	if err != nil {
		return nil, err
	}
	return &report.Replay{Result: res, Source: r.src.Title(), CatalogAsOf: r.cat.AsOf, Currency: r.cur, CatalogNotes: notes}, nil
}

// logSourceArgs wants the first argument of command name to be the logs to
// read, one of usage.Sources; paths may follow.
func logSourceArgs(name string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) == 0 {
			return badInput("%s: name the logs to read: %s", name, strings.Join(usage.Sources, " or "))
		}
		if _, ok := usage.ParseSource(args[0]); !ok {
			return badInput("%s: %q is not %s", name, args[0], strings.Join(usage.Sources, " or "))
		}
		return nil
	}
}

// completeLogSource offers usage.Sources for the first argument, files after.
func completeLogSource(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return usage.Sources, cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveDefault
}

// loadRecords is loadLogs for a command made of the records, what (import,
// calibrate, replay, --from): logs that hold none are bad input, said the
// same by each, with what the reading skipped.
func loadRecords(what string, src usage.Source, opt usage.Options) (*usage.Log, error) {
	l, err := loadLogs(src, opt)
	if err != nil {
		return nil, err
	}
	if l.Empty() {
		return nil, badInput("%s: %s", what, report.NoRecords(l))
	}
	return l, nil
}

// loadLogs reads the logs; none at all to read is bad input.
func loadLogs(src usage.Source, opt usage.Options) (*usage.Log, error) {
	l, err := usage.Load(src, opt)
	if errors.Is(err, usage.ErrNothingReadable) {
		return nil, inputError{err}
	}
	return l, err
}
