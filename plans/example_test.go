package plans_test

import (
	"fmt"

	"github.com/tokenomics/tokenomics/plans"
)

func ExamplePresetByName() {
	w, err := plans.PresetByName("developer")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: %d person, %g days a month\n", w.Name, w.People, w.DaysPerMonth)
	for _, c := range w.Classes {
		fmt.Printf("  %-15s %3g a %s, %2d turns, min tier %s\n", c.Name, c.Count, c.Per, c.Turns, c.MinTier)
	}

	_, err = plans.PresetByName("gamer")
	fmt.Println(err)
	// Output:
	// Developer: 1 person, 22 days a month
	//   Agent sessions    6 a day, 30 turns, min tier frontier
	//   Code review       3 a day,  2 turns, min tier frontier
	//   Quick questions  15 a day,  1 turns, min tier mid
	// unknown preset "gamer"; valid: freelancer, developer, doc-pipeline, korean-team, support-bot, writer
}
