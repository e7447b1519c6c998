package io.dynamo.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/** Where the command writes (results to {@code out}, messages and prompts to {@code err}) and reads answers. */
record Terminal(PrintWriter out, PrintWriter err, BufferedReader in) {
    /**
     * Asks a yes/no question on {@code err} and reads the answer: only {@code y} or {@code yes} is a yes; an empty
     * line, end of input or a read error is a no.
     */
    boolean confirm(String question) {
        err.print(question);
        err.flush();
        try {
            String answer = in.readLine();
            if (answer == null) {
                err.println();
            }
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            err.println();
            return false;
        }
    }
}
