<?php
echo "OK\n";
echo stream_get_contents(STDIN);
