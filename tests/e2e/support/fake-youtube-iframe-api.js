// A stand-in for https://www.youtube.com/iframe_api, FOR TESTS ONLY: production loads YouTube's real IFrame
// Player API (Watch:YouTubeIframeApiUrl). Served by watch-fixtures.mjs, it implements the subset of YT.Player that
// wwwroot/src/watch/youtube-player.js uses, playing the local test clip in a <video> so positions advance in real
// time. Like the real player it only offers quarter-step playback rates. Each fake player is an element with
// data-fake-youtube="VIDEO_ID". The clip's URL comes from this script's own query (?clip=…).
(function () {
  var clip = new URL(document.currentScript.src).searchParams.get('clip');
  var PlayerState = { UNSTARTED: -1, ENDED: 0, PLAYING: 1, PAUSED: 2, BUFFERING: 3, CUED: 5 };
  var RATES = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];

  function Player(target, options) {
    var self = this;
    var element = typeof target === 'string' ? document.getElementById(target) : target;
    var host = document.createElement('div');
    host.className = 'fake-youtube';
    var video = document.createElement('video');
    video.playsInline = true;
    video.preload = 'auto';
    video.style.width = '100%';
    host.appendChild(video);
    element.replaceWith(host);
    var events = options.events || {};
    var state = PlayerState.UNSTARTED;
    function setState(next) {
      if (state === next) return;
      state = next;
      if (events.onStateChange) events.onStateChange({ target: self, data: next });
    }
    function cue(id, start) {
      host.dataset.fakeYoutube = id;
      video.src = clip + (clip.indexOf('?') < 0 ? '?' : '&') + 'v=' + encodeURIComponent(id);
      if (start > 0) video.currentTime = start;
      setState(PlayerState.CUED);
    }
    video.addEventListener('playing', function () { setState(PlayerState.PLAYING); });
    video.addEventListener('pause', function () { if (!video.ended) setState(PlayerState.PAUSED); });
    video.addEventListener('waiting', function () { setState(PlayerState.BUFFERING); });
    video.addEventListener('ended', function () { setState(PlayerState.ENDED); });

    this.playVideo = function () { video.play().catch(function () {}); };
    this.pauseVideo = function () { video.pause(); };
    this.seekTo = function (seconds) { video.currentTime = seconds; };
    this.getCurrentTime = function () { return video.currentTime; };
    this.getDuration = function () { return Number.isFinite(video.duration) ? video.duration : 0; };
    this.getPlayerState = function () { return state; };
    this.getAvailablePlaybackRates = function () { return RATES.slice(); };
    this.getPlaybackRate = function () { return video.playbackRate; };
    this.setPlaybackRate = function (rate) {
      // The real player rounds a suggested rate to one it supports.
      var best = RATES.reduce(function (a, b) { return Math.abs(b - rate) < Math.abs(a - rate) ? b : a; });
      video.playbackRate = best;
    };
    this.cueVideoById = function (arg, start) {
      if (typeof arg === 'object') cue(arg.videoId, arg.startSeconds || 0); else cue(arg, start || 0);
    };
    this.loadVideoById = function (arg, start) { this.cueVideoById(arg, start); this.playVideo(); };
    this.mute = function () { video.muted = true; };
    this.unMute = function () { video.muted = false; };
    this.isMuted = function () { return video.muted; };
    this.getIframe = function () { return host; };
    this.destroy = function () { video.pause(); video.removeAttribute('src'); video.load(); host.remove(); };

    cue(options.videoId, (options.playerVars && options.playerVars.start) || 0);
    video.addEventListener('loadedmetadata', function ready() {
      video.removeEventListener('loadedmetadata', ready);
      if (events.onReady) events.onReady({ target: self });
    });
  }

  window.YT = { Player: Player, PlayerState: PlayerState, loaded: 1 };
  setTimeout(function () { if (window.onYouTubeIframeAPIReady) window.onYouTubeIframeAPIReady(); }, 0);
})();
