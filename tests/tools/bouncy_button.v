// A bouncy push button for Icarus Verilog (tests/tools/test_tool_iverilog.sh):
// an active-low button (pull-up) pressed twice, with contact bounce on make
// and break. It declares a real and an event before the button, as a
// testbench may, so a VCD reader that takes the first $var gets them, not
// the button. Every change of btn is printed as "edge <time in ns> <level>":
// the schedule the test checks bouncelab's reading against.
`timescale 1ns / 1ps
module bouncy_button_tb;
    real supply_v;
    event sample_taken;
    reg btn;
    reg [3:0] counter;

    task set_btn(input level);
        begin
            btn = level;
            -> sample_taken;
            $display("edge %0d %0d", $time, level);
        end
    endtask

    initial begin
        $dumpfile(`VCD_PATH);
        $dumpvars(0, bouncy_button_tb);
        supply_v = 3.3;
        counter = 4'd0;
        btn = 1'b1;
        $display("start %0d %0d", $time, btn);
        // press 1: bounce for about 1.2 us, then held
        #5000 set_btn(1'b0);
        #150 set_btn(1'b1);
        #300 set_btn(1'b0);
        #120 set_btn(1'b1);
        #600 set_btn(1'b0);
        counter = 4'd1;
        // release 1
        #40000 set_btn(1'b1);
        #80 set_btn(1'b0);
        #250 set_btn(1'b1);
        // press 2: a clean make
        #30000 set_btn(1'b0);
        supply_v = 3.25;
        // release 2 with one rebound
        #25000 set_btn(1'b1);
        #333 set_btn(1'b0);
        #47 set_btn(1'b1);
        #10000 $display("end %0d", $time);
        $finish;
    end
endmodule
