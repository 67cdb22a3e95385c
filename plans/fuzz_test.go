package plans

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// seeds adds the files matching each glob and the given texts to f's corpus.
func seeds(f *testing.F, globs []string, texts ...string) {
	for _, g := range globs {
		files, err := filepath.Glob(g)
		if err != nil {
			f.Fatal(err)
		}
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range texts {
		f.Add([]byte(s))
	}
}

// mustBePlanError fails unless err is a positioned *Error.
func mustBePlanError(t *testing.T, err error) {
	t.Helper()
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %T is not a *plans.Error: %v", err, err)
	}
	if pe.Line < 1 || pe.Col < 1 || pe.Msg == "" {
		t.Fatalf("error without a place or message: %+v", pe)
	}
}

// Whatever the bytes, ParseWorkload answers without panicking; what it
// accepts prices to finite, non-negative costs and survives a round trip.
func FuzzLoadWorkload(f *testing.F) {
	var texts []string
	for _, tc := range badWorkloads {
		texts = append(texts, tc.yaml)
	}
	seeds(f, []string{"presets/*.yaml", "testdata/workload*.yaml"}, texts...)
	cat, err := Embedded()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := ParseWorkload("fuzz.yaml", data)
		if err != nil {
			mustBePlanError(t, err)
			return
		}
		checkEvaluate(t, w, &cat.Catalog)
		out, err := MarshalWorkload(w)
		if err != nil {
			t.Fatalf("an accepted workload does not marshal: %v", err)
		}
		back, err := ParseWorkload("again.yaml", out)
		if err != nil || !reflect.DeepEqual(back, w) {
			t.Fatalf("round trip: %v\n got %+v\nwant %+v\n%s", err, back, w, out)
		}
	})
}

// Whatever the bytes, ParseCatalog answers without panicking; every preset
// prices to finite, non-negative costs on what it accepts, before and after
// its dated changes.
func FuzzLoadCatalog(f *testing.F) {
	var texts []string
	for _, tc := range badCatalogs {
		texts = append(texts, tc.yaml)
	}
	seeds(f, []string{"catalog.yaml", "testdata/*catalog*.yaml"}, texts...)
	ps := Presets()
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseCatalog("fuzz.yaml", data)
		if err != nil {
			mustBePlanError(t, err)
			return
		}
		if cl := c.clone(); !reflect.DeepEqual(cl, c) {
			t.Fatal("clone differs from the original")
		}
		for _, today := range []string{"1970-01-01", "2999-12-31"} {
			c.ApplyChanges(today)
			for _, p := range ps {
				checkEvaluate(t, p.Workload, &c.Catalog)
			}
		}
		for _, code := range c.Currencies() {
			if r, err := c.Rate(code); err != nil || !(r > 0) {
				t.Fatalf("Rate(%s) = %v, %v", code, r, err)
			}
		}
	})
}

// The embedded catalog is read on every start of the app and every command.
func BenchmarkLoadCatalog(b *testing.B) {
	b.Run("Embedded", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Embedded(); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The parse Embedded does once per process, and --catalog on a file of
	// the same size.
	b.Run("ParseCatalog", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(embeddedCatalog)))
		for b.Loop() {
			if _, err := ParseCatalog(embeddedName, embeddedCatalog); err != nil {
				b.Fatal(err)
			}
		}
	})
}
