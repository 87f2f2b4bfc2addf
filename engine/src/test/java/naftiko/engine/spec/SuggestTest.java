package naftiko.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
    @Test
    void closeNamesAreSuggestedFarOnesAreNot() {
        List<String> ops = List.of("tasksrunslist", "tasksrunscreate", "tasksrunsretrieve");
        assertThat(Suggest.didYouMean("tasksrunlist", ops)).isEqualTo("did you mean 'tasksrunslist'?");
        assertThat(Suggest.didYouMean("TasksRunsList", ops)).isEqualTo("did you mean 'tasksrunslist'?");
        assertThat(Suggest.didYouMean("delete-everything", ops)).isNull();
        assertThat(Suggest.didYouMean("x", List.of())).isNull();
        assertThat(Suggest.didYouMean("descripton", List.of("name", "description", "call"))).isEqualTo("did you mean 'description'?");
    }

    @Test
    void levenshtein() {
        assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggest.distance("", "abc")).isEqualTo(3);
        assertThat(Suggest.distance("same", "same")).isZero();
    }
}
