package dev.badgeworks.badge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.api.JsonInput;
import dev.badgeworks.badge.control.ConstraintReader.Kind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstraintReaderTest {

    private JsonInput in;

    private String read(String level, String constraintsJson) {
        String field = level.equals("CUSTOMER") ? "customerConstraints" : "badgeConstraints";
        in = JsonInput.parse(("{'" + field + "': " + constraintsJson + "}").replace('\'', '"'));
        ConstraintReader.Constraints read = ConstraintReader.read(in);
        return level.equals("CUSTOMER") ? read.customer() : read.badge();
    }

    private JsonObject first(String level, String constraintsJson) {
        String text = read(level, constraintsJson);
        assertEquals(List.of(), errors());
        return Json.createReader(new StringReader(text)).readArray().getJsonObject(0);
    }

    private List<String> errors() {
        return in.errors().stream().map(e -> e.code() + " " + e.reference()).toList();
    }

    @Test
    void absentFieldGivesNull() {
        in = JsonInput.parse("{}");
        assertEquals(new ConstraintReader.Constraints(null, null), ConstraintReader.read(in));
        assertTrue(in.valid());
    }

    @Test
    void fixedWindowNormalisesDurationAliasAndNumericWeekday() {
        JsonObject c = first("CUSTOMER", "[{'constraintType': 'CUSTOMER_BADGE_FIXED_WINDOW', 'durationType': 'WEEKLY',"
                + " 'startDayOfTheWeek': 1, 'maxEarnLimit': 1}]");
        assertEquals("WEEKS", c.getString("durationType"));
        assertEquals("TUESDAY", c.getString("startDayOfTheWeek"));
        assertEquals(1, c.getInt("refreshRate"));
        assertEquals(1, c.getInt("maxEarnLimit"));
        assertEquals(UUID.fromString(c.getString("referenceId")).toString(), c.getString("referenceId"));
    }

    @ParameterizedTest
    @CsvSource({"'', MONDAY", "0, MONDAY", "1, TUESDAY", "6, SUNDAY", "'''FRIDAY''', FRIDAY"})
    void weeklyWindowsStartOnTheGivenDay(String day, String expected) {
        String dayField = day.isEmpty() ? "" : ", 'startDayOfTheWeek': " + day;
        JsonObject c = first("BADGE", "[{'constraintType': 'BADGE_FIXED_WINDOW', 'durationType': 'WEEKS',"
                + " 'maxEarnLimit': 4" + dayField + "}]");
        assertEquals(expected, c.getString("startDayOfTheWeek"));
    }

    @ParameterizedTest
    @CsvSource({"-1, 1105", "7, 1105", "'''FRI''', 400"})
    void invalidWeekdaysAreRefused(String day, String code) {
        read("CUSTOMER", "[{'constraintType': 'CUSTOMER_BADGE_FIXED_WINDOW', 'durationType': 'WEEKS',"
                + " 'maxEarnLimit': 1, 'startDayOfTheWeek': " + day + "}]");
        assertEquals(List.of(code + " customerConstraints[0].startDayOfTheWeek"), errors());
    }

    @Test
    void dailyWindowNeedsARefreshRate() {
        read("CUSTOMER", "[{'constraintType': 'CUSTOMER_BADGE_FIXED_WINDOW', 'durationType': 'DAYS', 'maxEarnLimit': 1}]");
        assertEquals(List.of("1101 customerConstraints[0].refreshRate"), errors());
        JsonObject c = first("CUSTOMER", "[{'constraintType': 'CUSTOMER_BADGE_FIXED_WINDOW', 'durationType': 'DAILY',"
                + " 'refreshRate': 3, 'maxEarnLimit': 1, 'referenceId': 'r-1'}]");
        assertEquals("DAYS", c.getString("durationType"));
        assertEquals(3, c.getInt("refreshRate"));
        assertEquals("r-1", c.getString("referenceId"));
        assertFalse(c.containsKey("startDayOfTheWeek"));
    }

    @Test
    void unknownDurationTypeIsAnEnumError() {
        read("CUSTOMER", "[{'constraintType': 'CUSTOMER_BADGE_FIXED_WINDOW', 'durationType': 'YEARLY', 'maxEarnLimit': 1}]");
        assertEquals(List.of("400 customerConstraints[0].durationType"), errors());
    }

    @Test
    void rollingWindowNeedsAtLeastOnePair() {
        read("CUSTOMER", "[{'constraintType': 'CUSTOMER_BADGE_ROLLING_WINDOW'}]");
        assertEquals(List.of("1101 customerConstraints[0].maxEarnForDays"), errors());
        read("CUSTOMER", "[{'constraintType': 'CUSTOMER_BADGE_ROLLING_WINDOW', 'maxEarnForWeeks': 2}]");
        assertEquals(List.of("1101 customerConstraints[0].rollForWeeks"), errors());
    }

    @Test
    void rollingWindowKeepsOnlyTheGivenPairs() {
        JsonObject c = first("CUSTOMER", "[{'constraintType': 'CUSTOMER_BADGE_ROLLING_WINDOW', 'maxEarnForMonths': 5,"
                + " 'rollForMonths': '2', 'ignored': 1}]");
        assertEquals(Json.createObjectBuilder().add("constraintType", "CUSTOMER_BADGE_ROLLING_WINDOW")
                .add("maxEarnForMonths", 5).add("rollForMonths", 2).build(), c);
    }

    @Test
    void badgeRollingWindowNeedsTypeValueAndLimit() {
        read("BADGE", "[{'constraintType': 'BADGE_ROLLING_WINDOW'}]");
        assertEquals(List.of("1101 badgeConstraints[0].rollType", "1101 badgeConstraints[0].rollValue",
                "1101 badgeConstraints[0].maxEarnLimit"), errors());
    }

    @Test
    void constraintsAreFiledAtTheLevelTheirTypeNames() {
        in = JsonInput.parse(("{'badgeConstraints': [{'constraintType': 'BADGE_NO_LIMIT'},"
                + " {'constraintType': 'CUSTOMER_BADGE_FIXED_WINDOW', 'durationType': 'DAYS', 'refreshRate': 1,"
                + " 'maxEarnLimit': 2, 'referenceId': 'r'}],"
                + " 'customerConstraints': [{'constraintType': 'BADGE_FIXED_VALUE', 'maxEarnLimit': 9}]}").replace('\'', '"'));
        ConstraintReader.Constraints read = ConstraintReader.read(in);
        assertEquals(List.of(), errors());
        assertEquals("[{\"constraintType\":\"CUSTOMER_BADGE_FIXED_WINDOW\",\"durationType\":\"DAYS\",\"refreshRate\":1,"
                + "\"maxEarnLimit\":2,\"referenceId\":\"r\"}]", read.customer());
        assertEquals("[{\"constraintType\":\"BADGE_FIXED_VALUE\",\"maxEarnLimit\":9},{\"constraintType\":\"BADGE_NO_LIMIT\"}]",
                read.badge());
    }

    @Test
    void anAnswerSentBackAsksForItsUpcomingWindowAndIgnoresHistory() {
        String window = "'constraintType': 'CUSTOMER_BADGE_FIXED_WINDOW', 'durationType': 'DAYS', 'maxEarnLimit': 1";
        JsonObject c = first("CUSTOMER", "[{" + window + ", 'refreshRate': 1, 'cycleStatus': 'EXPIRED'},"
                + " {" + window + ", 'refreshRate': 2, 'cycleStatus': 'ACTIVE'},"
                + " {" + window + ", 'refreshRate': 3, 'cycleStatus': 'UPCOMING'}]");
        assertEquals(3, c.getInt("refreshRate"));
        assertFalse(c.containsKey("cycleStatus"));
        read("CUSTOMER", "[{" + window + ", 'refreshRate': 1}, {" + window + ", 'refreshRate': 2}]");
        assertEquals(List.of("1105 customerConstraints[1].constraintType"), errors());
    }

    @ParameterizedTest
    @CsvSource({"0, 1105", "1000001, 1105", "1.5, 1102", "'''x''', 1102", "1000000, ''", "'''3''', ''"})
    void fixedValueLimitIsBounded(String limit, String code) {
        read("CUSTOMER", "[{'constraintType': 'CUSTOMER_BADGE_FIXED_VALUE', 'maxEarnLimit': " + limit + "}]");
        assertEquals(code.isEmpty() ? List.of() : List.of(code + " customerConstraints[0].maxEarnLimit"), errors());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null                                                                    | NONE",
            "[]                                                                      | NONE",
            "[{'constraintType':'CUSTOMER_BADGE_NO_LIMIT'}]                          | NONE",
            "[{'constraintType':'CUSTOMER_BADGE_FIXED_VALUE'}]                       | OTHER_LIMIT",
            "[{'constraintType':'BADGE_ROLLING_WINDOW'}]                             | OTHER_LIMIT",
            "[{'constraintType':'CUSTOMER_BADGE_FIXED_WINDOW'}]                      | FIXED_WINDOW",
            "[{'constraintType':'BADGE_FIXED_VALUE'},{'constraintType':'BADGE_FIXED_WINDOW'}] | FIXED_WINDOW",
            "[{'constraintType':'BADGE_NO_LIMIT'},{'constraintType':'BADGE_FIXED_VALUE'}]     | OTHER_LIMIT"})
    void kindOfStoredConstraints(String json, Kind expected) {
        assertEquals(expected, ConstraintReader.kindOf(json == null ? null : json.replace('\'', '"')));
    }
}
